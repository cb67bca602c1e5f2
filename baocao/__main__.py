from baocao.cli.main import run

run()
