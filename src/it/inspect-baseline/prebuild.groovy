// v2 carries 100,000 bytes more than v1
for (version in [[tag: 'v1', kb: '100'], [tag: 'v2', kb: '200']]) {
    def command = ['docker', 'build', '--network', 'none', '-q', '--build-arg', "KB=${version.kb}".toString(),
                   '-t', "layerlint-it/inspect-baseline:${version.tag}".toString(), '.']
    def process = command.execute(null, basedir)
    def out = new StringBuilder()
    process.waitForProcessOutput(out, out)
    if (process.exitValue() != 0) {
        throw new IllegalStateException("${command.join(' ')} failed:\n${out}")
    }
}
return true
