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
// what Jib's dockerBuild leaves behind: the image id in target/jib-image.json
def id = ['docker', 'image', 'inspect', '--format', '{{.Id}}', 'layerlint-it/inspect-baseline:v1'].execute().text.trim()
new File(basedir, 'target').mkdirs()
new File(basedir, 'target/jib-image.json').text = """{"image":"layerlint-it/inspect-baseline:v1","imageId":"${id}","imageDigest":"${id}","tags":["v1"]}"""
return true
