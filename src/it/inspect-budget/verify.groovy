import groovy.json.JsonSlurper

// The chmod copies the 300,000-byte file up: 300,000 wasted bytes; the image outgrows 2MB.
def process = ['docker', 'image', 'inspect', '--format', '{{.Size}}', 'layerlint-it/inspect-budget:1.0'].execute()
def size = process.text.trim() as long
def report = new JsonSlurper().parse(new File(basedir, 'target/layerlint/inspect.json'))
assert report.image.size == size
assert report.image.wastedBytes == 300_000
def budgets = report.budgets.collectEntries { [(it.name): it] }
assert budgets.keySet() == ['maxImageSize', 'maxLayers', 'maxWastedPercent'] as Set
assert budgets.maxImageSize.passed == false
assert budgets.maxImageSize.limitValue == 2_000_000
assert budgets.maxImageSize.actualValue == size
assert budgets.maxLayers.passed == true
assert budgets.maxLayers.actualValue == 3
assert budgets.maxWastedPercent.passed == true
assert Math.abs(budgets.maxWastedPercent.actualValue - 100.0 * 300_000 / size) < 1e-9

def exceeded = report.findings.findAll { it.ruleId == 'BudgetExceeded' }
assert exceeded.size() == 1
assert exceeded[0].severity == 'error'
assert exceeded[0].file == 'Dockerfile'
assert exceeded[0].message == "budget maxImageSize exceeded: limit 2MB, actual ${budgets.maxImageSize.actual} (image size)".toString()

def log = new File(basedir, 'build.log').text
assert log.contains("[ERROR] Dockerfile: [BudgetExceeded] budget maxImageSize exceeded: limit 2MB, actual ${budgets.maxImageSize.actual} (image size)".toString())
assert log.contains('layerlint:inspect: 1 error, 0 warnings')
assert log.contains('BUILD FAILURE')
// the invoker runs Maven with -e, so Maven prints its own trace; layerlint's errors carry no cause
assert !log.contains('Caused by: java.')
assert !log.contains('Caused by: dev.layerlint')
assert !log.contains('Caused by: com.')
return true
