import groovy.json.JsonSlurper

// .hadolint.yaml: DL3059 ignored (no ConsecutiveRuns), DL3002 lowered to info, trusted registries
// apply (UntrustedBaseImage fails the build), DL3008 has no layerlint rule and is named.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] layerlint: applying .hadolint.yaml (2 rule settings; no layerlint rule for DL3008)')
assert log.contains('[WARNING] Dockerfile:1:1: [UntrustedBaseImage] base image eclipse-temurin:21.0.2_13-jre comes from docker.io')
assert log.contains('[INFO] Dockerfile:1:1: [RunsAsRoot]')
def report = new JsonSlurper().parse(new File(basedir, 'target/layerlint/lint.json'))
assert report.findings.collect { "${it.ruleId}:${it.severity}".toString() }.sort() == ['RunsAsRoot:info', 'UntrustedBaseImage:warning']
return true
