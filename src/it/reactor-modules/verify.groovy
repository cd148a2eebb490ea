// A reactor with the plugin in the root's <plugins>: Dockerfiles in a module, under src/main/docker, and in a shared
// docker/ folder; one module runs lint twice. Invocation 1 builds serially, invocation 2 with -T 2.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def lines = log.readLines()

// the aggregator itself has no Dockerfile: skipped with one line per goal, as Jib does
assert log.count('[INFO] layerlint:lint skipped: reactor-modules is an aggregator (packaging pom) without a Dockerfile (Dockerfile)') == 2
assert log.count('[INFO] layerlint:dockerignore skipped: reactor-modules is an aggregator (packaging pom) without a Dockerfile (Dockerfile)') == 2
assert !log.contains('does not exist')

// findings name files from the reactor root; the goals' own lines name the module
assert log.contains('[WARNING] orders/Dockerfile:1:1: [RunsAsRoot] ')
assert log.contains('[WARNING] orders/Dockerfile:2:1: [DockerignoreMissing] ')
assert log.contains('[WARNING] payments/src/main/docker/worker.Dockerfile:3:1: [AptListsNotRemoved] ')
assert log.contains('[WARNING] docker/billing/Dockerfile:4:1: [PackageCacheKept] ')
assert log.contains('[INFO] layerlint [orders]: orders/Dockerfile: 3 findings')
assert log.contains('[INFO] layerlint:lint-worker [payments]: 0 errors, 1 warning, 1 info')
assert log.contains("[INFO] layerlint [billing]: docker/billing/Dockerfile: context billing without an ignore file sends 2 files")
assert !log.contains(basedir.canonicalPath + '/orders/Dockerfile')

// each goal's lines are one block, also under -T 2: from its first line to its summary, nothing of another module
def paths = [orders: ['orders/'], payments: ['payments/'], billing: ['docker/billing/', 'billing/']]
String open = null
int blocks = 0
lines.each { line ->
    def start = line =~ /^\[\w+\] layerlint \[(\w+)\]: /
    def end = line =~ /^\[\w+\] layerlint:[\w-]+ \[(\w+)\]: /
    def finding = line =~ /^\[\w+\] (\S+?):\d+(?::\d+)?: \[/
    if (start) {
        assert open == null || open == start[0][1] : "block of ${open} interrupted by: ${line}"
        open = start[0][1]
    } else if (end) {
        assert open == null || open == end[0][1] : "block of ${open} interrupted by: ${line}"
        open = null
        blocks++
    } else if (finding && open != null) {
        assert paths[open].any { finding[0][1].startsWith(it) } : "block of ${open} holds a finding of another module: ${line}"
    } else if (open != null && line.startsWith('[') && line.contains('layerlint')) {
        assert false : "block of ${open} interrupted by: ${line}"
    }
}
// per invocation: orders lint and dockerignore, payments lint, dockerignore and lint (worker), billing lint and dockerignore
assert blocks == 2 * 7

// every report format names files relative to the reactor root, never absolutely
['orders', 'payments', 'billing'].each { module ->
    def reports = new File(basedir, "${module}/target/layerlint")
    reports.listFiles().each { file ->
        assert !file.text.contains(basedir.canonicalPath) : "${file} names an absolute path"
        assert !file.text.contains(basedir.absolutePath) : "${file} names an absolute path"
    }
}
def sarif = new JsonSlurper().parse(new File(basedir, 'billing/target/layerlint/lint.sarif'))
def location = sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation
assert location == [uri: 'docker/billing/Dockerfile', uriBaseId: '%SRCROOT%']
assert new File(basedir, 'billing/target/layerlint/lint-checkstyle.xml').text.contains('<file name="docker/billing/Dockerfile">')
assert new File(basedir, 'billing/target/layerlint/lint-codequality.json').text.contains('"path" : "docker/billing/Dockerfile"')
assert new File(basedir, 'billing/target/layerlint/TEST-layerlint-lint.xml').text.contains('docker/billing/Dockerfile')
// the page shows the excerpt of a Dockerfile outside the module
assert new File(basedir, 'billing/target/layerlint/index.html').text.contains('npm ci --omit=dev')

// two executions of lint in one module keep both reports, in every format and on the page
def layerlint = new File(basedir, 'payments/target/layerlint')
def first = new JsonSlurper().parse(new File(layerlint, 'lint.json'))
def worker = new JsonSlurper().parse(new File(layerlint, 'lint-worker.json'))
assert first.execution == null && first.findings == []
assert worker.goal == 'lint' && worker.execution == 'worker'
assert worker.findings*.file.unique() == ['payments/src/main/docker/worker.Dockerfile']
['lint-worker.sarif', 'lint-worker-checkstyle.xml', 'lint-worker-codequality.json', 'lint-worker.md', 'TEST-layerlint-lint-worker.xml',
 'lint.sarif', 'TEST-layerlint-lint.xml'].each { assert new File(layerlint, it).isFile() : it }
def page = new File(layerlint, 'index.html').text
assert page.indexOf('id="goal-lint"') < page.indexOf('id="goal-lint-worker"')
assert page.contains('apt-get update &amp;&amp; apt-get install -y curl')

// reports are readable like any file the build writes (rw-r--r-- under umask 022)
def probe = new File(basedir, 'permission-probe.txt')
probe.text = ''
def plain = java.nio.file.Files.getPosixFilePermissions(probe.toPath())
assert java.nio.file.Files.getPosixFilePermissions(new File(layerlint, 'lint.json').toPath()) == plain
assert java.nio.file.Files.getPosixFilePermissions(new File(layerlint, 'index.html').toPath()) == plain
return true
