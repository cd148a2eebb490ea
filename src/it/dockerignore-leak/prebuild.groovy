// a checkout with its Git metadata and a local .env (neither can be committed inside src/it)
def write = { String path, String text ->
    def file = new File(basedir, path)
    file.parentFile.mkdirs()
    file.text = text
}
write('.git/HEAD', 'ref: refs/heads/main\n')
write('.git/config', '[core]\n\trepositoryformatversion = 0\n')
write('.env', 'DATABASE_PASSWORD=hunter2\n')
return true
