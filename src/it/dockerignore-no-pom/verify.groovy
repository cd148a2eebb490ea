import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('layerlint:dockerignore: 0 errors, 0 warnings, 0 infos')
assert log.contains('BUILD SUCCESS')
def report = new JsonSlurper().parse(new File(basedir, 'target/layerlint/dockerignore.json'))
// Dockerfile 57 + .dockerignore 34 + site/index.html 15; build.log, verify.groovy and invoker.properties left out
assert report.contexts == [[dockerfile: 'Dockerfile', directory: '.', ignoreFile: '.dockerignore', files: 3, bytes: 106,
        excludedFiles: 3, excludedBytes: report.contexts[0].excludedBytes,
        largest: [[path: 'Dockerfile', bytes: 57], [path: '.dockerignore', bytes: 34], [path: 'site/index.html', bytes: 15]],
        reportsLeftOut: 'target/layerlint']]
return true
