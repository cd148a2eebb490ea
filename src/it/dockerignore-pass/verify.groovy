import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// in a reactor: files named from its root, lines naming the module
assert log.contains("[INFO] layerlint [service]: service/Dockerfile: context service with service/.dockerignore sends 5 files (5.08kB), "
        + "leaves out 3 (990B), not counting layerlint's reports in service/target/layerlint: 0 findings")
assert log.contains('layerlint:dockerignore [service]: 0 errors, 0 warnings, 0 infos')
assert log.contains('BUILD SUCCESS')

def report = new JsonSlurper().parse(new File(basedir, 'service/target/layerlint/dockerignore.json'))
assert report.goal == 'dockerignore'
assert report.findings == []
assert report.contexts.size() == 1
def context = report.contexts[0]
assert context.dockerfile == 'service/Dockerfile'
assert context.directory == 'service'
assert context.ignoreFile == 'service/.dockerignore'
assert context.reportsLeftOut == 'service/target/layerlint'
// Dockerfile 119 + .dockerignore 43 + pom.xml 687 + App.java 131 + the jar the Dockerfile copies 4096
assert context.files == 5
assert context.bytes == 5076
// target/classes/…/App.class 600 + target/maven-status/inputFiles.lst 90 + .idea/workspace.xml 300
assert context.excludedFiles == 3
assert context.excludedBytes == 990
assert context.largest.collect { "${it.path}=${it.bytes}".toString() } == [
        'target/service-1.0.jar=4096', 'pom.xml=687', 'src/main/java/dev/example/App.java=131', 'Dockerfile=119',
        '.dockerignore=43']
return true
