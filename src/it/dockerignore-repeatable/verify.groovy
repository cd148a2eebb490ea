import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text

// 1 and 2 print the same context line: layerlint's own reports are never part of the context
def context = '[INFO] layerlint: service/Dockerfile: context service with service/.dockerignore sends 4 files'
def contextLines = log.readLines().findAll { it.startsWith(context) }
assert contextLines.size() == 2
assert contextLines[0] == contextLines[1]
assert contextLines[0].contains('leaves out 0 (0B)')
assert contextLines[0].endsWith(", not counting layerlint's reports in service/target/layerlint: 0 findings")
assert new JsonSlurper().parse(new File(basedir, 'service/target/layerlint/dockerignore.json')).contexts[0].reportsLeftOut == 'service/target/layerlint'

// 3: the advice keeps what COPY target/*.jar needs
def advice = "[WARNING] advice/.dockerignore: [RequiredExclusionMissing] `target` is not excluded, so the build context sends " +
        "1 file (300B) that it matches (target/classes/App.class); add `target/*` and after it `!target/*.jar` to advice/.dockerignore " +
        "(excluding `target` alone would leave COPY target/*.jar without its source)"
assert log.contains(advice)
def quoted = (advice =~ /add (.*) to advice\/\.dockerignore/)[0][1].findAll(/`([^`]+)`/) { all, pattern -> pattern }
assert quoted == ['target/*', '!target/*.jar']
assert new File(basedir, 'applied/.dockerignore').text == '.git\n' + quoted.join('\n') + '\n'

// 4: applied word for word, neither finding, and the jar is still sent
def applied = new JsonSlurper().parse(new File(basedir, 'target/applied/dockerignore.json'))
assert applied.findings == []
assert applied.contexts[0].largest*.path.contains('target/app.jar')
assert !applied.contexts[0].largest*.path.contains('target/classes/App.class')
assert log.contains('[INFO] layerlint:dockerignore: 0 errors, 0 warnings, 0 infos')

// 5: the context target/docker is made by the build
assert log.contains('[WARNING] layerlint: the build context of advice/Dockerfile, target/docker, does not exist yet: the build makes it, '
        + 'so it is not checked in this phase; bind dockerignore to the phase after the one that fills it (<phase>package</phase> in its '
        + '<execution>) to check it')
assert new groovy.json.JsonSlurper().parse(new File(basedir, 'target/later/dockerignore.json')).contexts == []
return true
