#!/bin/sh
# The client's unittest suite, as `npm test` runs it. It picks a Python that has torch when one
# does (Debian's python3-torch is installed for /usr/bin/python3 only), so save_model's
# comparison with PyTorch runs; SADDLE_TEST_PYTHON chooses one. Without torch, test_torch skips.
cd "$(dirname "$0")/.." || exit 1
for py in "${SADDLE_TEST_PYTHON:-}" python3 /usr/bin/python3; do
  if [ -n "$py" ] && "$py" -c 'import torch' 2>/dev/null; then
    exec "$py" -m unittest discover -s tests "$@"
  fi
done
exec "${SADDLE_TEST_PYTHON:-python3}" -m unittest discover -s tests "$@"
