// Builds the Dockerfile with Docker's classic builder and with Podman (the docker format keeps HEALTHCHECK).
def build(List<String> command, Map<String, String> extraEnv) {
    def env = System.getenv().collect { k, v -> "${k}=${v}".toString() } + extraEnv.collect { k, v -> "${k}=${v}".toString() }
    def process = command.execute(env, basedir)
    def out = new StringBuilder()
    process.waitForProcessOutput(out, out)
    if (process.exitValue() != 0) {
        throw new IllegalStateException("${command.join(' ')} failed:\n${out}")
    }
}
build(['docker', 'build', '--network', 'none', '-q', '-t', 'layerlint-it/inspect-podman:docker', '.'], [DOCKER_BUILDKIT: '0'])
build(['podman', 'build', '--format', 'docker', '--network', 'none', '-q', '-t', 'layerlint-it/inspect-podman:podman', '.'], [:])
return true
