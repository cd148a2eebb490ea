import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('[WARNING] Dockerfile:1:1: [BaseImageUnpinned]')
assert log.contains('layerlint:lint: 0 errors, 2 warnings, 0 infos')
assert log.contains('BUILD SUCCESS')
def report = new JsonSlurper().parse(new File(basedir, 'target/layerlint/lint.json'))
assert report.findings*.ruleId.sort() == ['BaseImageUnpinned', 'RunsAsRoot']
return true
