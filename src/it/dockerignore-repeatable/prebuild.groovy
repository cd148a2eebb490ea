// advice/ is a Maven service after `package`: the jar the Dockerfile copies and the rest of target/.
// applied/ is the same service with the advice layerlint prints for advice/ added to its .dockerignore,
// word for word (verify.groovy checks that the printed advice is exactly these lines).
['advice', 'applied'].each { name ->
    def dir = new File(basedir, name)
    dir.mkdirs()
    new File(dir, 'target/classes').mkdirs()
    new File(dir, 'target/app.jar').bytes = new byte[4000]
    new File(dir, 'target/classes/App.class').bytes = new byte[300]
}
new File(basedir, 'applied/Dockerfile').text = new File(basedir, 'advice/Dockerfile').text
new File(basedir, 'applied/.dockerignore').text = '.git\ntarget/*\n!target/*.jar\n'
return true
