// The engine check shared by the engine-backed integration tests and examples:
//   def problem = evaluate(new File(basedir, '../../../src/it/docker/engine.groovy'))(binding, 'what skips')
// gives null when a Docker engine with the stand-in base image is reachable; when the engine is up but
// the base image is missing, it makes the image (src/it/docker/base-image.sh). Otherwise it prints
// exactly what is missing and the command that provides it, as the reason "what skips" is SKIPPED,
// into build.log and onto the console; with requireEngine true (CI) it fails the test instead.
return { Binding caller, String skipped ->
    def base = 'layerlint/busybox:test' // the Dockerfiles of those projects build FROM it
    def scripts = new File(caller.basedir, '../../../src/it/docker').canonicalFile
    def run = { List<String> command ->
        def process = command.execute()
        def out = new StringBuilder()
        def err = new StringBuilder()
        process.waitForProcessOutput(out, err)
        [process.exitValue(), (err.toString().trim() ?: out.toString().trim()).readLines().take(3).join(' / ')]
    }
    String problem = null
    try {
        def (engineStatus, engineOutput) = run(['docker', 'version', '--format', '{{.Server.Version}}'])
        if (engineStatus != 0) {
            problem = "no Docker engine is reachable (docker version: ${engineOutput}); start one with: bash ${scripts}/start-engine.sh"
        } else if (run(['docker', 'image', 'inspect', '--format', '{{.Id}}', base])[0] != 0) {
            def (made, madeOutput) = run(['bash', new File(scripts, 'base-image.sh').path])
            if (made != 0) {
                problem = "the Docker engine is up but has no base image ${base}, and it could not be made (${madeOutput}); "
                        + "make it with: bash ${scripts}/start-engine.sh"
            }
        }
    } catch (IOException e) {
        problem = "the docker CLI cannot be run (${e.message}); install and start an engine with: bash ${scripts}/start-engine.sh"
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
