// Runs this test where Docker and Podman, each with the base image, are there; skips visibly otherwise.
def docker = evaluate(new File(basedir, '../../../src/it/docker/engine.groovy'))(binding, 'the test')
return docker == null && evaluate(new File(basedir, '../../../src/it/docker/podman.groovy'))(binding, 'the test') == null
