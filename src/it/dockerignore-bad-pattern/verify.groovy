def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] Failed to execute goal dev.layerlint:layerlint-maven-plugin:')
assert log.contains(':dockerignore (default) on project dockerignore-bad-pattern: layerlint: .dockerignore:3: syntax error in pattern "build[0-9"')
assert !log.contains('at dev.layerlint.')
assert !log.contains('IgnoreFileException')
assert !new File(basedir, 'target/layerlint/dockerignore.json').exists()
return true
