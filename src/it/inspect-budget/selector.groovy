// Runs this test where a Docker engine with the base image is reachable; skips visibly otherwise,
// unless requireEngine is true (CI), where a missing engine fails the test.
def base = 'layerlint/busybox:test' // the Dockerfiles here build FROM it
String problem = null
try {
    def process = ['docker', 'image', 'inspect', '--format', '{{.Id}}', base].execute()
    def err = new StringBuilder()
    process.waitForProcessOutput(new StringBuilder(), err)
    if (process.exitValue() != 0) {
        problem = "no Docker engine with the base image ${base}: ${err.toString().trim()}"
    }
} catch (IOException e) {
    problem = "the docker CLI cannot be run: ${e.message}"
}
if (problem == null) {
    return true
}
if (binding.hasVariable('requireEngine') && requireEngine.toString() == 'true') {
    throw new IllegalStateException("requireEngine is true but ${problem}")
}
println "[WARNING] ${basedir.name} SKIPPED: ${problem}"
return false
