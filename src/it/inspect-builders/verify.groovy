import groovy.json.JsonSlurper

// The goal's figures equal what the engine reports, for both builders.
def helpers = evaluate(new File(basedir, '../../../src/it/docker/docker.groovy'))
def docker = helpers.docker

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')

// Dockerfile lines of the layers above the base, per builder: the classic builder drops nothing here,
// both make one layer per RUN and COPY.
def expectedLines = [2, 3, 4, 5]
for (builder in ['classic', 'buildkit']) {
    // two executions of inspect in one module: each report is named after its execution
    def tag = "layerlint-it/inspect-builders:${builder}"
    def report = new JsonSlurper().parse(new File(basedir, "target/${builder}/inspect-${builder}.json"))
    def image = report.image
    assert image.reference == tag
    assert image.id == docker('image', 'inspect', '--format', '{{.Id}}', tag)
    assert image.size == docker('image', 'inspect', '--format', '{{.Size}}', tag) as long
    // docker history lists the newest entry first and includes entries without a layer (size 0)
    def historySizes = docker('history', '--no-trunc', '-H=false', '--format', '{{.Size}}', tag).readLines()*.toLong().reverse()
    def diffIds = docker('image', 'inspect', '--format', '{{range .RootFS.Layers}}{{println .}}{{end}}', tag).readLines().findAll { it }
    assert image.layers*.digest == diffIds
    assert image.layers.size() == 5
    assert image.baseLayers == 1
    assert image.layers[0].base == true
    assert image.layers[0].instruction == null
    assert image.layers.drop(1)*.instruction*.line == expectedLines
    assert image.layers.drop(1)*.instruction*.file.unique() == ['Dockerfile']
    assert image.layers*.base == [true, false, false, false, false]
    // each layer's size is its history entry's size: the non-empty entries, in order
    def layerSizes = image.layers*.size
    assert historySizes.sum() == layerSizes.sum()
    assert layerSizes[1] == 1_000_000
    assert layerSizes[2] == 0
    assert layerSizes[3] == 50_000
    assert layerSizes[4] == 'hello from layerlint\n'.length()
    // the rm layer wastes the 1,000,000 bytes the dd layer stored
    assert image.layers*.wastedBytes == [0, 0, 1_000_000, 0, 0]
    assert image.wastedBytes == 1_000_000
    assert image.wastedBytesOutsideBase == 1_000_000

    def budgets = report.budgets.collectEntries { [(it.name): it] }
    assert budgets.maxImageSize.passed == true
    assert budgets.maxImageSize.limit == '10MB'
    assert budgets.maxImageSize.actualValue == image.size - image.layers[0].size
    assert budgets.maxWastedBytes.actualValue == 1_000_000
    assert budgets.maxWastedBytes.actual == '1MB'

    def found = report.findings.collect { "${it.ruleId}@${it.file}:${it.line}".toString() }
    assert found == ['CacheInLayer@Dockerfile:4', 'MissingExecutable@Dockerfile:8']
    def cache = report.findings.find { it.ruleId == 'CacheInLayer' }
    assert cache.message == 'layer 3 (Dockerfile:4) stores 50,000 bytes of apk cache (1 file); avoid them with `apk add --no-cache`'
    assert cache.severity == 'warning'
}
assert log.contains('[WARNING] Dockerfile:4:1: [CacheInLayer] layer 3 (Dockerfile:4) stores 50,000 bytes of apk cache')
assert log.contains('[WARNING] Dockerfile:8:1: [MissingExecutable] the HEALTHCHECK runs `/usr/bin/curl`, which is not an executable file')
return true
