// Each invocation's failure is one clear message, never a stack trace.
def log = new File(basedir, 'build.log').text
assert log.contains("[ERROR] Failed to execute goal dev.layerlint:layerlint-maven-plugin:")
assert log.contains("layerlint: image 'layerlint-it/no-such-image:1.0' not found in the Docker daemon")
assert log.contains("layerlint: cannot run the docker CLI '/nonexistent/docker'")
assert log.contains("layerlint: ${new File(basedir, 'missing.tar').canonicalPath}: no such file".toString())
assert log.contains('layerlint:inspect skipped: no image to inspect: set <image> (property layerlint.image) or build with Jib')
assert log.contains('layerlint: no image to inspect: set <image> (property layerlint.image), or build with Jib so that')
// the invoker runs Maven with -e, so Maven prints its own trace; layerlint's errors carry no cause
assert log.contains("layerlint:inspect skipped: the Docker daemon cannot be reached (skipWhenNoDaemon)")
assert log.contains("layerlint: cannot reach the Docker daemon ('docker version' exited with 1: ")
assert log.contains("unix:///nonexistent/docker.sock")
assert !log.contains('Caused by: java.')
assert !log.contains('Caused by: dev.layerlint')
assert !log.contains('Caused by: com.')
return true
