import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text.replaceAll(/\u001B\[[;\d]*m/, '')
assert log.contains('layerlint:lint: 0 errors, 0 warnings, 0 infos')
assert log.contains('layerlint:dockerignore: 0 errors, 0 warnings, 0 infos')
assert log.contains('BUILD SUCCESS')
['lint', 'dockerignore'].each { goal ->
    def report = new JsonSlurper().parse(new File(basedir, "target/layerlint/${goal}.json"))
    assert report.findings == []
}

// README.md shows the build's output: its layerlint lines are exactly the build's.
def layerlintLines = { String text -> text.readLines().findAll { it ==~ /\[(INFO|WARNING|ERROR)\] (layerlint:|[\w-]+\/Dockerfile:).*/ } }
def shown = layerlintLines(new File(basedir, 'README.md').text)
def printed = layerlintLines(log)
if (shown != printed) {
    throw new AssertionError("README.md's expected output is not the build's: only in README.md ${shown - printed}, only in the build ${printed - shown}")
}
return true
