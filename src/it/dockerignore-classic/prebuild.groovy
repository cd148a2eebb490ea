new File(basedir, '.env').text = 'DATABASE_PASSWORD=hunter2\n'
return true
