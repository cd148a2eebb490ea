// what a working copy holds beside the sources: git metadata and a log file (not committed here)
new File(basedir, 'service/.git').mkdirs()
new File(basedir, 'service/.git/HEAD').text = 'ref: refs/heads/main\n'
new File(basedir, 'service/logs').mkdirs()
new File(basedir, 'service/logs/app.log').text = 'started\n'
return true
