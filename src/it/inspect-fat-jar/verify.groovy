import groovy.json.JsonSlurper

// fatJarThreshold 100kB: app.jar (about 150 kB) is looked into and reported at its COPY, small.jar (about 60 kB) is not
def report = new JsonSlurper().parse(new File(basedir, 'target/layerlint/inspect.json'))
def size = new File(basedir, 'app.jar').length()
def shown = String.format(Locale.ROOT, '%.1f kB', size / 1000.0)
def message = "layer 1 (Dockerfile:2) holds /app/app.jar, a ${shown} Spring Boot 3.3.5 jar with its dependencies in BOOT-INF/lib/,".toString() +
        ' so each code change re-ships all of them: extract it into layers (java -Djarmode=tools -jar app.jar extract --layers' +
        ' --launcher) in a builder stage and COPY dependencies/, spring-boot-loader/, snapshot-dependencies/ and application/ in' +
        ' that order'
def fatJars = report.findings.findAll { it.ruleId == 'FatJarInLayer' }
assert fatJars.size() == 1
assert fatJars[0].severity == 'info'
assert fatJars[0].file == 'Dockerfile'
assert fatJars[0].line == 2
assert fatJars[0].message == message
assert report.image.layers[1].instruction.line == 2

def log = new File(basedir, 'build.log').text
assert log.contains("[INFO] Dockerfile:2:1: [FatJarInLayer] ${message}".toString())
assert log.contains('BUILD SUCCESS')
['docker', 'image', 'rm', '-f', 'layerlint-it/inspect-fat-jar:1.0'].execute().waitFor()
return true
