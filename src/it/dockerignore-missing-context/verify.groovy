def log = new File(basedir, 'build.log').text
assert log.contains('layerlint: the build context of Dockerfile, ' + new File(basedir, 'no-such-dir').canonicalPath
        + ', is not a directory; set <contextDirectory> (property layerlint.context) to the directory docker build is given')
assert !log.contains('at dev.layerlint.')
return true
