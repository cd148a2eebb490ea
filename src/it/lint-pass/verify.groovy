import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] layerlint: Dockerfile: 0 findings')
assert log.contains('[INFO] layerlint:lint: 0 errors, 0 warnings, 0 infos')
assert log.contains('BUILD SUCCESS')

def report = new JsonSlurper().parse(new File(basedir, 'target/layerlint/lint.json'))
assert report.tool.name == 'layerlint'
assert report.goal == 'lint'
assert report.findings == []
assert report.summary == [error: 0, warning: 0, info: 0]
return true
