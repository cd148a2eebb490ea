import groovy.json.JsonSlurper

// services/api runs as user 10001; worker's USER root is suppressed inline, so RunsAsRoot (raised to
// error) stays quiet; DL3025 (ShellFormCommand) is off through its hadolint alias.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] layerlint: services/api/Dockerfile: 0 findings')
assert log.contains('[INFO] layerlint: services/worker/Dockerfile: 0 findings')
assert log.contains('BUILD SUCCESS')
def report = new JsonSlurper().parse(new File(basedir, 'target/layerlint/lint.json'))
assert report.findings == []
return true
