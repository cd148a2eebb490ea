def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] Failed to execute goal dev.layerlint:layerlint-maven-plugin:')
assert log.contains(':dockerignore (default) on project dockerignore-bad-pattern: layerlint: .dockerignore:3: syntax error in pattern "build[0-9"')
// the Mojo's own exception, no underlying one: the message says it all
assert !(log =~ /Caused by: (java|dev\.layerlint)/)
assert !new File(basedir, 'target/layerlint/dockerignore.json').exists()
return true
