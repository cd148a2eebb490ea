def log = new File(basedir, 'build.log').text
def committed = new File(basedir, 'layerlint-known-findings.txt').text

// 1: known findings at info level, marked as known, and the count of what remains
assert log.contains('[INFO] service/Dockerfile:4:1: [AptListsNotRemoved] known (in the findings baseline): apt package lists stay in this layer')
assert log.contains('[INFO] service/Dockerfile:5:1: [RequiredExclusionMissing] known (in the findings baseline): `.git` is not excluded')
assert log.contains('[INFO] layerlint: 5 known findings of 5 recorded in layerlint-known-findings.txt remain')
assert log.contains('[INFO] layerlint: 3 known findings of 3 recorded in layerlint-known-findings.txt remain')

// 2: the one finding the baseline lacks is new and fails the build
assert log.contains('[WARNING] service/Dockerfile:4:1: [AptListsNotRemoved] apt package lists stay in this layer')
assert log.contains('layerlint:lint: 0 errors, 1 warning, 4 infos (failOn=warning); report: target/layerlint/lint.json')

// 3: stable and diff-friendly: recorded again, the same file
assert new File(basedir, 'target/recorded.txt').text == committed
assert log.contains('[INFO] layerlint: recorded 5 findings of lint in target/recorded.txt (it held 0); they are known from now on')

// 4 and 5: a fixed finding is counted, then dropped by the update
assert log.contains('[INFO] layerlint: 5 known findings of 6 recorded in baseline-with-fixed.txt remain; 1 fixed: '
        + '-Dlayerlint.updateFindingsBaseline=true drops it from the file')
assert new File(basedir, 'baseline-with-fixed.txt').text == committed
return true
