def process = ['docker', 'build', '--network', 'none', '-q', '-t', 'layerlint-it/inspect-budget:1.0', '.'].execute(null, basedir)
def out = new StringBuilder()
process.waitForProcessOutput(out, out)
if (process.exitValue() != 0) {
    throw new IllegalStateException("docker build failed:\n${out}")
}
return true
