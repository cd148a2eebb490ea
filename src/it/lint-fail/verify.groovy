import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('[WARNING] Dockerfile:1:1: [BaseImageUnpinned] base image python:latest is on `latest`')
assert log.contains('[WARNING] Dockerfile:1:1: [RunsAsRoot] the final stage (FROM python:latest) never sets USER')
assert log.contains('[INFO] Dockerfile:4:1: [ConsecutiveRuns] 2 consecutive RUN instructions (lines 4, 5)')
assert log.contains('[WARNING] Dockerfile:6:1: [ShellFormCommand] CMD in shell form')
assert log.contains('BUILD FAILURE')

def report = new JsonSlurper().parse(new File(basedir, 'target/layerlint/lint.json'))
def found = report.findings.collect { "${it.ruleId}@${it.line}:${it.severity}".toString() }
assert found.contains('BaseImageUnpinned@1:warning')
assert found.contains('RunsAsRoot@1:warning')
assert found.contains('ConsecutiveRuns@4:info')
assert found.contains('ShellFormCommand@6:warning')
def runs = report.findings.find { it.ruleId == 'ConsecutiveRuns' }
assert runs.file == 'Dockerfile'
assert runs.column == 1
assert runs.endLine == 5
assert runs.checklist == 'Related RUN commands combined with &&'
assert report.summary.warning == found.count { it.endsWith(':warning') }
assert report.summary.info == found.count { it.endsWith(':info') }
assert log.contains("layerlint:lint: 0 errors, ${report.summary.warning} warnings, ${report.summary.info} infos (failOn=warning); report: ".toString())
return true
