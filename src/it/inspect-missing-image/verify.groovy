// Each invocation gives one clear message, never a stack trace.
def log = new File(basedir, 'build.log').text
assert log.contains("[ERROR] Failed to execute goal dev.layerlint:layerlint-maven-plugin:")
// a configured image that does not exist: outside CI a warning and a skip (invocations 1 and 9) ...
assert log.contains("[WARNING] layerlint: image layerlint-it/no-such-image:1.0 does not exist yet, so it is not checked: "
        + "build the image before layerlint:inspect runs, bind inspect to the phase after the build that makes it "
        + "(<phase> in its <execution>), or skip the check with -Dlayerlint.inspect.skip; "
        + "in CI (CI=true) or with -Dlayerlint.requireImage this fails the build")
assert log.contains('layerlint:inspect skipped: image layerlint-it/no-such-image:1.0 not found')
assert log.contains('[WARNING] layerlint: image docker-archive:missing.tar does not exist yet, so it is not checked')
// ... in CI (8) or with requireImage (3) a failure naming the ways out
assert log.contains("layerlint: image 'layerlint-it/no-such-image:1.0' not found in the Docker daemon")
assert log.contains("or skip the check with -Dlayerlint.inspect.skip (CI=true: a missing image fails in CI)")
assert log.contains("layerlint: ${new File(basedir, 'missing.tar').canonicalPath}: no such file".toString())
assert log.contains("or skip the check with -Dlayerlint.inspect.skip (requireImage is true)")
assert log.contains("layerlint: cannot run the docker CLI '/nonexistent/docker'")
assert log.contains('layerlint:inspect skipped: no image to inspect: set <image> (property layerlint.image) or build with Jib')
assert log.contains('layerlint: no image to inspect: set <image> (property layerlint.image), or build with Jib so that')
assert log.contains("layerlint:inspect skipped: the Docker daemon cannot be reached (skipWhenNoDaemon)")
assert log.contains("layerlint: cannot reach the Docker daemon ('docker version' exited with 1: ")
assert log.contains("unix:///nonexistent/docker.sock")
// the invoker runs Maven with -e, so Maven prints its own trace; layerlint's errors carry no cause
assert !log.contains('Caused by: java.')
assert !log.contains('Caused by: dev.layerlint')
assert !log.contains('Caused by: com.')
return true
