// Decides whether this run builds and inspects the image: only where a Docker engine with the
// stand-in base image is reachable. Elsewhere docker build and inspect skip visibly while lint and
// dockerignore still run, unless requireEngine is true (CI), where a missing engine fails the run.
String problem = evaluate(new File(basedir, '../../../src/it/docker/engine.groovy'))(binding, 'docker build and inspect')
def properties = new File(basedir, 'engine.properties')
if (problem == null) {
    properties.text = ''
    return true
}
properties.text = 'exec.skip=true\nlayerlint.inspect.skip=true\n'
return true
