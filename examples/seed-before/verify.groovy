import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
def report = new JsonSlurper().parse(new File(basedir, 'target/layerlint/lint.json'))
def found = report.findings.collect { "${it.ruleId}@${it.line}".toString() } as Set
assert found.containsAll(['RunsAsRoot@4', 'ConsecutiveRuns@6', 'ShellFormCommand@12'])
return true
