// Builds the Dockerfile twice, with the classic builder and with BuildKit, from the registry-free base.
def build(List<String> command, Map<String, String> extraEnv) {
    def env = System.getenv().collect { k, v -> "${k}=${v}".toString() } + extraEnv.collect { k, v -> "${k}=${v}".toString() }
    def process = command.execute(env, basedir)
    def out = new StringBuilder()
    process.waitForProcessOutput(out, out)
    if (process.exitValue() != 0) {
        throw new IllegalStateException("${command.join(' ')} failed:\n${out}")
    }
}
def buildkitCli = new File('/usr/bin/docker').canExecute() ? '/usr/bin/docker' : 'docker'
build(['docker', 'build', '--network', 'none', '-q', '-t', 'layerlint-it/inspect-builders:classic', '.'], [DOCKER_BUILDKIT: '0'])
build([buildkitCli, 'build', '--network', 'none', '-q', '-t', 'layerlint-it/inspect-builders:buildkit', '.'], [DOCKER_BUILDKIT: '1'])
return true
