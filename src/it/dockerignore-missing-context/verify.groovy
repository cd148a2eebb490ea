def log = new File(basedir, 'build.log').text
assert log.contains('layerlint: the build context of Dockerfile, no-such-dir, is not a directory; set <contextDirectory> (property layerlint.context) to the directory docker build is given')
// the Mojo's own exception, no underlying one: the message says it all
assert !(log =~ /Caused by: (java|dev\.layerlint)/)
return true
