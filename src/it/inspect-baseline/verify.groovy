import groovy.json.JsonSlurper

def size(String tag) {
    ['docker', 'image', 'inspect', '--format', '{{.Size}}', "layerlint-it/inspect-baseline:${tag}".toString()].execute().text.trim() as long
}
def v1 = size('v1')
def v2 = size('v2')
assert v2 - v1 == 100_000

def baseline = new JsonSlurper().parse(new File(basedir, 'layerlint-baseline.json'))
assert baseline.image == 'layerlint-it/inspect-baseline:v1'
assert baseline.size == v1
assert baseline.layers == 2
assert baseline.wastedBytes == 0

def json = new JsonSlurper()
def recorded = json.parse(new File(basedir, 'target/record/inspect.json'))
assert recorded.budgets == [[name: 'maxGrowth', limit: '50kB', actual: '+0B', passed: true, limitValue: 50_000, actualValue: 0]]

def grown = json.parse(new File(basedir, 'target/grown/inspect.json'))
assert grown.budgets.size() == 1
assert grown.budgets[0].passed == false
assert grown.budgets[0].actualValue == 100_000
def finding = grown.findings.find { it.ruleId == 'BudgetExceeded' }
assert finding.message == "budget maxGrowth exceeded: limit 50kB, actual ${grown.budgets[0].actual} (growth against the baseline)".toString()

def same = json.parse(new File(basedir, 'target/same/inspect.json'))
assert same.budgets[0].passed == true
assert same.budgets[0].actualValue == 0

def jibId = ['docker', 'image', 'inspect', '--format', '{{.Id}}', 'layerlint-it/inspect-baseline:v1'].execute().text.trim()
def jib = json.parse(new File(basedir, 'target/jib/inspect.json'))
assert jib.image.reference == jibId
assert jib.image.id == jibId
assert jib.image.size == v1
assert jib.budgets[0].passed == true

def log = new File(basedir, 'build.log').text
assert log.contains("layerlint: recorded the baseline in layerlint-baseline.json")
assert log.contains('[ERROR] Dockerfile: [BudgetExceeded] budget maxGrowth exceeded: limit 50kB, actual +100kB (growth against the baseline)')
assert log.contains("layerlint: inspecting the image Jib built, ${jibId} (from ".toString())
return true
