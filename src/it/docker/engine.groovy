// The engine check shared by the engine-backed integration tests and examples:
//   def problem = evaluate(new File(basedir, '../../../src/it/docker/engine.groovy'))(binding, 'what skips')
// gives null when a Docker engine with the stand-in base image is reachable. Otherwise it prints why
// "what skips" is SKIPPED, into build.log and onto the console, and returns the reason; with
// requireEngine true (CI) an unreachable engine fails the test instead.
return { Binding caller, String skipped ->
    def base = 'layerlint/busybox:test' // the Dockerfiles of those projects build FROM it
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
    if (problem != null && caller.hasVariable('requireEngine') && caller.requireEngine.toString() == 'true') {
        throw new IllegalStateException("requireEngine is true but ${problem}")
    }
    if (problem != null) {
        def warning = "[WARNING] ${caller.basedir.name}: ${skipped} SKIPPED: ${problem}"
        println warning // into build.log
        // and onto the console, where the run's summary says only SKIPPED or SUCCESS (the invoker redirects System.out)
        new PrintStream(new FileOutputStream(FileDescriptor.out), true).println(warning)
    }
    return problem
}
