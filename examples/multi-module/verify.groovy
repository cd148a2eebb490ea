import groovy.io.FileType
import groovy.json.JsonSlurper

def helpers = evaluate(new File(basedir, '../../../src/it/docker/docker.groovy'))
def docker = helpers.docker
def printed = helpers.printed

def json = new JsonSlurper()
def log = new File(basedir, 'build.log').text
// build.log holds both runs, each starting with Maven's "Scanning for projects..."
def secondRun = log.indexOf('Scanning for projects...', log.indexOf('Scanning for projects...') + 1)
assert secondRun > 0
def run1 = log.substring(0, secondRun)
def run2 = log.substring(secondRun)
assert run1.contains('BUILD SUCCESS')
assert run2.contains('BUILD FAILURE')

def modules = ['catalog-service', 'payments-service', 'recommender-service']
for (module in modules) {
    def dir = new File(basedir, module)
    // lint: every Dockerfile is clean under the organisation's rules, with payments' override
    def lint = json.parse(new File(dir, 'target/layerlint/lint.json'))
    assert lint.findings == []: module
    assert lint.summary == [error: 0, warning: 0, info: 0]

    // dockerignore runs in validate, before package made the jar: the context sends the model
    // (recommender-service) or nothing, and leaves out the module's other files; the lint.json that
    // lint wrote just before is layerlint's own output, never part of the context
    def dockerignore = json.parse(new File(dir, 'target/layerlint/dockerignore.json'))
    assert dockerignore.findings == []: module
    def context = dockerignore.contexts[0]
    assert dockerignore.contexts.size() == 1
    assert context.ignoreFile == "${module}/.dockerignore".toString()
    assert context.reportsLeftOut == "${module}/target/layerlint".toString()
    def sent = module == 'recommender-service' ? [[path: 'models/ranker.onnx', bytes: 64_000_000]] : []
    assert context.largest == sent
    assert context.files == sent.size()
    assert context.bytes == (sent*.bytes.sum() ?: 0)
    def moduleFiles = []
    dir.eachFileRecurse(FileType.FILES) { file ->
        if (!file.path.startsWith(new File(dir, 'target').path + File.separator)) {
            moduleFiles << file
        }
    }
    assert context.excludedFiles == moduleFiles.size() - sent.size(): module
    // lines name the module, files are named from the reactor root
    assert run1.contains("[INFO] layerlint [${module}]: ${module}/Dockerfile: 0 findings".toString())
}
// the rules in effect: the parent's MissingHealthcheck=warning, turned off in payments-service
assert run1.count('/Dockerfile: 0 findings') == 3

// run 2: what the override silences
def withoutOverride = json.parse(new File(basedir, 'payments-service/target/without-override/lint.json'))
assert withoutOverride.findings.collect { "${it.ruleId}@${it.line}:${it.severity}".toString() } == ['MissingHealthcheck@8:warning']
assert run2.contains('[WARNING] payments-service/Dockerfile:8:1: [MissingHealthcheck] EXPOSE 8080 makes this a service, but no HEALTHCHECK says how to see that it answers')
assert run2.contains('layerlint:lint: 0 errors, 1 warning, 0 infos (failOn=warning)')

def engine = new Properties()
new File(basedir, 'engine.properties').withReader { engine.load(it) }
if (engine.getProperty('layerlint.inspect.skip') == 'true') {
    assert run1.count('[INFO] layerlint:inspect skipped') == 3
    assert !run1.contains('Successfully tagged')
    modules.each { assert !new File(basedir, "${it}/target/layerlint/inspect.json").exists() }
    return true
}

// inspect: each image figure by figure as the engine reports it, against its module's budget
def baseSize = docker('image', 'inspect', '--format', '{{.Size}}', 'layerlint/busybox:test') as long
def inspected = [:]
for (module in modules) {
    def tag = "layerlint-example/${module}:1.0".toString()
    def report = json.parse(new File(basedir, "${module}/target/layerlint/inspect.json"))
    def image = report.image
    assert image.reference == tag
    assert image.id == docker('image', 'inspect', '--format', '{{.Id}}', tag)
    assert image.size == (docker('image', 'inspect', '--format', '{{.Size}}', tag) as long)
    assert image.baseLayers == 1
    assert image.layers[0].size == baseSize
    assert image.wastedBytes == 0
    assert image.efficiency == 1.0
    assert report.findings == []: module
    assert docker('image', 'inspect', '--format', '{{.Config.User}}', tag) == '10001:10001'
    inspected[module] = report
    // no baseline is committed, so the parent's maxGrowth is not checked, and the log says so
    assert run1.contains("[INFO] layerlint [${module}]: maxGrowth: no baseline recorded yet; record one to compare against (-Dlayerlint.updateBaseline writes ${module}/layerlint-baseline.json)".toString())
}
def jar = { String module -> new File(basedir, "${module}/target/${module}.jar").length() }

// (a) catalog-service: the parent's budget with its own, tighter maxImageSize
def catalog = inspected['catalog-service']
assert catalog.image.layers*.size == [baseSize, jar('catalog-service')]
assert catalog.image.layers[1].instruction == [file: 'catalog-service/Dockerfile', line: 5]
assert catalog.budgets == [
        [name: 'maxImageSize', limit: '230MB', actual: printed(catalog.image.size), passed: true, limitValue: 230_000_000, actualValue: catalog.image.size],
        [name: 'maxWastedPercent', limit: '5%', actual: '0%', passed: true, limitValue: 5.0, actualValue: 0.0],
        [name: 'minEfficiency', limit: '95%', actual: '100%', passed: true, limitValue: 95.0, actualValue: 100.0],
]

// (b) payments-service: the parent's maxImageSize, its own maxWastedPercent, no health check
def payments = inspected['payments-service']
assert payments.image.layers*.size == [baseSize, jar('payments-service')]
assert docker('image', 'inspect', '--format', '{{json .Config.Healthcheck}}', 'layerlint-example/payments-service:1.0') == 'null'
assert payments.budgets == [
        [name: 'maxImageSize', limit: '250MB', actual: printed(payments.image.size), passed: true, limitValue: 250_000_000, actualValue: payments.image.size],
        [name: 'maxWastedPercent', limit: '1%', actual: '0%', passed: true, limitValue: 1.0, actualValue: 0.0],
        [name: 'minEfficiency', limit: '95%', actual: '100%', passed: true, limitValue: 95.0, actualValue: 100.0],
]

// (c) recommender-service: base layer and model left out, so the budget counts the jar alone
def recommender = inspected['recommender-service']
def model = recommender.image.layers[1]
assert model.instruction == [file: 'recommender-service/Dockerfile', line: 7]
assert model.size == 64_000_000
assert recommender.image.layers[2].instruction == [file: 'recommender-service/Dockerfile', line: 8]
assert recommender.image.layers*.size == [baseSize, 64_000_000, jar('recommender-service')]
assert recommender.image.size == baseSize + 64_000_000 + jar('recommender-service')
def counted = jar('recommender-service')
assert recommender.budgets == [
        [name: 'maxImageSize', limit: '50MB', actual: printed(counted), passed: true, limitValue: 50_000_000, actualValue: counted],
        [name: 'maxWastedBytes', limit: '1MB', actual: '0B', passed: true, limitValue: 1_000_000, actualValue: 0],
        [name: 'maxWastedPercent', limit: '5%', actual: '0%', passed: true, limitValue: 5.0, actualValue: 0.0],
        [name: 'minEfficiency', limit: '95%', actual: '100%', passed: true, limitValue: 95.0, actualValue: 100.0],
]
// without excludePaths the model counts and the 50MB limit breaks; without excludeLayers too, the base
def limit = recommender.budgets[0].limitValue
assert counted + model.size > limit
assert recommender.image.size > limit
assert run1.contains("[INFO] layerlint [recommender-service]: budget maxImageSize: limit 50MB, actual ${printed(counted)}, passed".toString())
assert run1.contains('[INFO] layerlint [recommender-service]:   layer  1      64MB  recommender-service/Dockerfile:7')
return true
