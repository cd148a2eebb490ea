import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] Dockerfile:5:1: [SecretInContext] `.env` (26B) holds secrets and is sent with the build context, and COPY . puts it in the image; add it to .dockerignore')
assert log.contains('[WARNING] Dockerfile:5:1: [RequiredExclusionMissing] `.git` is not excluded, so the build context sends 2 files (57B) that it matches (.git/HEAD, .git/config) and COPY . puts them in the image; add `.git` to .dockerignore')
assert log.contains('layerlint:dockerignore: 1 error, 1 warning, 0 infos (failOn=warning)')
assert log.contains('BUILD FAILURE')

def report = new JsonSlurper().parse(new File(basedir, 'target/layerlint/dockerignore.json'))
assert report.findings.collect { "${it.ruleId}@${it.file}:${it.line}:${it.severity}".toString() } == [
        'RequiredExclusionMissing@Dockerfile:5:warning', 'SecretInContext@Dockerfile:5:error']
assert report.findings.every { it.checklist == '.dockerignore file created (excludes tests, docs, .git)' }
def context = report.contexts[0]
assert context.ignoreFile == '.dockerignore'
// build.log (excluded by *.log) grows during the build, so only the sent side is exact:
// Dockerfile 154, .dockerignore 18, pom.xml, requirements.txt 13, app.py 15, .git/HEAD 21, .git/config 36, .env 26, prebuild.groovy, verify.groovy, invoker.properties
assert context.files == 11
assert context.excludedFiles == 1
return true
