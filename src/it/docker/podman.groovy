// The Podman check of the Podman-backed integration tests, beside engine.groovy's Docker check:
//   def problem = evaluate(new File(basedir, '../../../src/it/docker/podman.groovy'))(binding, 'what skips')
// gives null when podman has the stand-in base image in its storage. Otherwise it prints why
// "what skips" is SKIPPED, into build.log and onto the console, and returns the reason; with
// requireEngine true (CI) it fails the test instead.
return { Binding caller, String skipped ->
    def base = 'layerlint/busybox:test'
    String problem = null
    try {
        def process = ['podman', 'image', 'inspect', '--format', '{{.Id}}', base].execute()
        def err = new StringBuilder()
        process.waitForProcessOutput(new StringBuilder(), err)
        if (process.exitValue() != 0) {
            problem = "podman has no base image ${base} (${err.toString().trim()}); load it with: bash src/it/docker/start-podman.sh"
        }
    } catch (IOException e) {
        problem = "the podman CLI cannot be run (${e.message}); install it with: bash src/it/docker/start-podman.sh"
    }
    if (problem != null && caller.hasVariable('requireEngine') && caller.requireEngine.toString() == 'true') {
        throw new IllegalStateException("requireEngine is true but ${problem}")
    }
    if (problem != null) {
        def warning = "[WARNING] ${caller.basedir.name}: ${skipped} SKIPPED: ${problem}"
        println warning
        new PrintStream(new FileOutputStream(FileDescriptor.out), true).println(warning)
    }
    return problem
}
