import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] broken.Dockerfile:2:1: [ParseError] missing a value on flag: --from')
assert log.contains('[INFO] layerlint: services/api/Dockerfile: 0 findings')
assert log.contains('layerlint:lint: 1 error, 0 warnings, 0 infos (failOn=error)')
assert !log.contains('Caused by: java.lang')
def report = new JsonSlurper().parse(new File(basedir, 'target/layerlint/lint.json'))
assert report.findings.collect { "${it.file}:${it.line}:${it.ruleId}".toString() } == ['broken.Dockerfile:2:ParseError']
return true
