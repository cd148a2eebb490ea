import groovy.io.FileType
import groovy.json.JsonSlurper

def helpers = evaluate(new File(basedir, '../../../src/it/docker/docker.groovy'))
def docker = helpers.docker
def printed = helpers.printed

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
def json = new JsonSlurper()

// lint: the Dockerfile is clean, judged on its default base images (the ARG defaults)
def lint = json.parse(new File(basedir, 'target/layerlint/lint.json'))
assert lint.findings == []
assert lint.summary == [error: 0, warning: 0, info: 0]
assert log.contains('[INFO] layerlint: Dockerfile: 0 findings')

// dockerignore runs in validate, before package made the jar: the context sends nothing yet, and
// leaves out every file of the project and the lint.json that lint wrote just before
def dockerignore = json.parse(new File(basedir, 'target/layerlint/dockerignore.json'))
assert dockerignore.findings == []
assert dockerignore.contexts.size() == 1
def context = dockerignore.contexts[0]
assert context.dockerfile == 'Dockerfile'
assert context.ignoreFile == '.dockerignore'
assert context.files == 0
assert context.bytes == 0
assert context.largest == []
def projectFiles = []
basedir.eachFileRecurse(FileType.FILES) { file ->
    if (!file.path.startsWith(new File(basedir, 'target').path + File.separator)) {
        projectFiles << file
    }
}
// every project file is left out; target/layerlint (lint.json, written just before) is layerlint's own and never counted
assert context.excludedFiles == projectFiles.size()
assert context.reportsLeftOut == 'target/layerlint'

def engine = new Properties()
new File(basedir, 'engine.properties').withReader { engine.load(it) }
def inspectReport = new File(basedir, 'target/layerlint/inspect.json')
if (engine.getProperty('layerlint.inspect.skip') == 'true') {
    assert log.contains('[INFO] layerlint:inspect skipped')
    assert !inspectReport.exists()
    assert !log.contains('Successfully tagged')
    return true
}
def inspect = json.parse(inspectReport)

// inspect: the image docker build made in package, figure by figure as the engine reports it
def tag = 'layerlint-example/spring-boot-service:1.0'
def jar = new File(basedir, 'target/spring-boot-service.jar')
def baseSize = docker('image', 'inspect', '--format', '{{.Size}}', 'layerlint/busybox:test') as long
def image = inspect.image
assert image.reference == tag
assert image.id == docker('image', 'inspect', '--format', '{{.Id}}', tag)
assert image.size == (docker('image', 'inspect', '--format', '{{.Size}}', tag) as long)
assert image.size == baseSize + jar.length()
// the build stage's layers stay behind: the base image and the jar, nothing else
assert image.layers.size() == 2
assert image.baseLayers == 1
assert image.layers*.size == [baseSize, jar.length()]
assert image.layers*.base == [true, false]
assert image.layers[1].instruction == [file: 'Dockerfile', line: 15]
assert image.wastedBytes == 0
assert image.efficiency == 1.0
assert docker('image', 'inspect', '--format', '{{.Config.User}}', tag) == '10001:10001'
assert docker('image', 'inspect', '--format', '{{json .Config.Healthcheck.Test}}', tag) ==
        '["CMD","wget","-q","-O","/dev/null","http://127.0.0.1:8080/health"]'

def sizeText = printed(image.size)
assert inspect.budgets == [
        [name: 'maxImageSize', limit: '250MB', actual: sizeText, passed: true, limitValue: 250_000_000, actualValue: image.size],
        [name: 'maxWastedPercent', limit: '1%', actual: '0%', passed: true, limitValue: 1.0, actualValue: 0.0],
        [name: 'minEfficiency', limit: '95%', actual: '100%', passed: true, limitValue: 95.0, actualValue: 100.0],
]
assert inspect.findings == []
assert log.contains("[INFO] layerlint: budget maxImageSize: limit 250MB, actual ${sizeText}, passed".toString())
assert log.contains('[INFO] layerlint:inspect: 0 errors, 0 warnings, 0 infos')
return true
