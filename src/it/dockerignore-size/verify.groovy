import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log =~ /(?m)\[ERROR\] \.dockerignore: \[ContextTooLarge\] the build context sends 10 files \(6\d\.\dkB\), more than maxContextSize 20kB; largest: data\/dump\.sql \(50kB\), data\/extract\.csv \(12kB\)$/
assert log.contains('layerlint:dockerignore: 1 error, 0 warnings, 0 infos (failOn=warning)')
assert log.contains('BUILD FAILURE')

def report = new JsonSlurper().parse(new File(basedir, 'target/layerlint/dockerignore.json'))
assert report.findings*.ruleId == ['ContextTooLarge']
assert report.findings[0].file == '.dockerignore'
assert report.findings[0].line == 0
assert report.contexts*.dockerfile == ['Dockerfile', 'worker.Dockerfile']
assert report.contexts[0].bytes == report.contexts[1].bytes
def context = report.contexts[0]
assert context.largest.size() == 2
assert context.largest[0] == [path: 'data/dump.sql', bytes: 50000]
assert context.largest[1] == [path: 'data/extract.csv', bytes: 12000]
return true
