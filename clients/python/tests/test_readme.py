"""The READMEs' Python blocks run as written: the root README's `python-log` snippet and every
```python block of clients/python/README.md, in order, each as a script against a real server
(SADDLE_URL set as `npm start`'s default would be)."""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import unittest

from server import REPO, SaddleServer, script_env

BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)
ROOT_SNIPPET = re.compile(r"<!-- snippet: (python-[\w-]+) -->\n```python\n(.*?)```", re.DOTALL)


def blocks() -> list:
    root = [(f"README.md {name}", code) for name, code in ROOT_SNIPPET.findall((REPO / "README.md").read_text())]
    client = [(f"clients/python/README.md block {index + 1}", code) for index, code in enumerate(BLOCK.findall((REPO / "clients" / "python" / "README.md").read_text()))]
    return root + client


class ReadmeTest(unittest.TestCase):
    def test_every_python_block_runs_as_written(self) -> None:
        found = blocks()
        self.assertGreaterEqual(len(found), 4, "the READMEs lost their Python blocks")
        server = SaddleServer().start()
        try:
            env = script_env(server, tempfile.mkdtemp(prefix="saddle-py-spool-"))
            for where, code in found:
                with self.subTest(block=where):
                    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
                    self.assertEqual(result.returncode, 0, f"{where} failed:\n{result.stderr}")
                    self.assertNotIn("saddle:", result.stderr, f"{where} warned:\n{result.stderr}")
            runs = server.graphql('{ runs(filter: { project: "my-sweep" }) { edges { node { key status } } } }')["runs"]["edges"]
            self.assertTrue(all(edge["node"]["status"] == "SUCCEEDED" for edge in runs), runs)
        finally:
            server.close()


if __name__ == "__main__":
    unittest.main()
