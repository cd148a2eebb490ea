import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] layerlint: Dockerfile: context . with .dockerignore sends 6 files')
assert log.contains('layerlint:dockerignore: 0 errors, 0 warnings, 0 infos')
assert log.contains('BUILD SUCCESS')
def context = new JsonSlurper().parse(new File(basedir, 'target/layerlint/dockerignore.json')).contexts[0]
assert context.ignoreFile == '.dockerignore'
// Dockerfile, .dockerignore, Dockerfile.dockerignore, app.py, pom.xml, invoker.properties; .env, build.log and the scripts left out
assert context.files == 6
assert context.excludedFiles == 4
return true
