"""run.save_model: a PyTorch model converted to Saddle's spec and layout gives Saddle the same
loss as PyTorch at those weights (Saddle's numbers from @saddle/engine's built dist,
tests/engine_eval.mjs), and an MLP logged with save_model gets the same Hessian spectrum (to 1e-4)
from the server's analyzeRun. Skipped without torch
(Debian: apt-get install python3-torch, then run the tests with /usr/bin/python3)."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
import unittest
from pathlib import Path

from server import REPO, SaddleServer

try:
    import torch
    import torch.nn as nn
except ImportError:  # pragma: no cover - depends on the machine
    raise unittest.SkipTest("torch is not installed for this Python (Debian: apt-get install python3-torch; /usr/bin/python3)")

import saddle
from saddle.torch_model import convert_module

ENGINE_EVAL = Path(__file__).with_name("engine_eval.mjs")


def saddle_numbers(document: dict, weights: bytes, x_channels_last: torch.Tensor, y: torch.Tensor, loss: str) -> dict:
    with tempfile.TemporaryDirectory() as directory:
        weights_path = Path(directory) / "weights.bin"
        weights_path.write_bytes(weights)
        request = {
            "model": document,
            "weightsPath": str(weights_path),
            "x": x_channels_last.reshape(-1).tolist(),
            "xShape": list(x_channels_last.shape),
            "y": y.reshape(-1).tolist(),
            "yShape": list(y.shape),
            "loss": loss,
        }
        request_path = Path(directory) / "request.json"
        request_path.write_text(json.dumps(request))
        result = subprocess.run(["node", str(ENGINE_EVAL), str(request_path)], cwd=str(REPO), capture_output=True, text=True, timeout=120)
        if result.returncode != 0:
            raise AssertionError(f"engine_eval failed:\n{result.stderr}")
        return json.loads(result.stdout)


def mlp() -> nn.Sequential:
    torch.manual_seed(0)
    return nn.Sequential(nn.Linear(1, 8), nn.Tanh(), nn.Linear(8, 8), nn.ReLU(), nn.Linear(8, 1))


def regression_data() -> tuple:
    generator = torch.Generator().manual_seed(1)
    x = torch.rand(40, 1, generator=generator) * 2 - 1
    return x, torch.sin(5 * x) / (5 * x)


def float64_copy(model: nn.Module) -> nn.Module:
    """The model at its float32 weights, computed in float64: the reference for Saddle's float32."""
    import copy

    return copy.deepcopy(model).double()


def torch_hessian_spectrum(model: nn.Module, x: torch.Tensor, y: torch.Tensor) -> tuple:
    """PyTorch's float64 loss and ascending Hessian eigenvalues of mean((f(x) − y)²) at the model's weights."""
    reference = float64_copy(model)
    names = [name for name, _ in reference.named_parameters()]
    shapes = [p.shape for p in reference.parameters()]
    flat = torch.cat([p.detach().reshape(-1) for p in reference.parameters()])

    def loss_of(theta: torch.Tensor) -> torch.Tensor:
        params, offset = {}, 0
        for name, shape in zip(names, shapes):
            size = int(torch.tensor(shape).prod())
            params[name] = theta[offset : offset + size].reshape(shape)
            offset += size
        output = torch.nn.utils.stateless.functional_call(reference, params, (x.double(),))
        return torch.mean((output - y.double()) ** 2)

    # Eigenvalues do not depend on the order of the parameters (H ↦ P H Pᵀ), so torch's own
    # order is compared with Saddle's.
    return float(loss_of(flat)), sorted(torch.linalg.eigvalsh(torch.autograd.functional.hessian(loss_of, flat)).tolist())


ANALYZE = """mutation($runId: ID!, $options: RunAnalysisOptionsInput) {
  analyzeRun(runId: $runId, kind: HESSIAN, options: $options) { id status }
}"""
ANALYSIS = "query($id: ID!) { runAnalysis(id: $id) { status progress error summary figures { id kind } } }"


class SaveModelTest(unittest.TestCase):
    def test_an_mlp_logged_with_save_model_gets_pytorchs_hessian_spectrum_from_analyze_run(self) -> None:
        """The Done-when of issue 14: a PyTorch MLP logged with save_model, its Hessian spectrum
        asked of the server (analyzeRun, computed by a worker), equal to PyTorch's to 1e-4."""
        model = mlp()
        x, y = regression_data()
        torch_loss, torch_eigenvalues = torch_hessian_spectrum(model, x, y)
        server = SaddleServer().start()
        try:
            with saddle.init(url=server.url, spool_dir=tempfile.mkdtemp(), project="torch", name="mlp-hessian", batch_ms=50) as run:
                run.log({"train/loss": torch_loss})
                document = run.save_model(model)
            self.assertEqual(run.errors, [])
            self.assertEqual(document["numParams"], sum(p.numel() for p in model.parameters()))
            # Saddle never saw the data: the examples go with the request (inputs channels last; here one feature).
            options = {"x": x.reshape(-1).tolist(), "y": y.reshape(-1).tolist(), "loss": "MSE", "method": "EXACT"}
            queued = server.graphql(ANALYZE, {"runId": run.id, "options": options})["analyzeRun"]
            deadline = time.monotonic() + 120
            analysis = {}
            while time.monotonic() < deadline:
                analysis = server.graphql(ANALYSIS, {"id": queued["id"]})["runAnalysis"]
                if analysis["status"] in ("SUCCEEDED", "FAILED", "CANCELLED"):
                    break
                time.sleep(0.2)
            self.assertEqual(analysis["status"], "SUCCEEDED", analysis.get("error"))
            self.assertEqual(analysis["figures"], [{"id": "hessian-spectrum", "kind": "SCATTER"}])
            summary = analysis["summary"]
            self.assertEqual(summary["method"], "exact")
            self.assertAlmostEqual(summary["loss"], torch_loss, delta=1e-6 * max(1.0, abs(torch_loss)))
            got = summary["eigenvalues"]
            self.assertEqual(len(got), len(torch_eigenvalues))
            scale = max(1.0, max(abs(v) for v in torch_eigenvalues))
            worst = max(abs(a - b) for a, b in zip(sorted(got), torch_eigenvalues))
            self.assertLess(worst, 1e-4 * scale, f"largest eigenvalue difference {worst:.3g} (largest |λ| {scale:.3g})")
            if "-v" in sys.argv:
                print(f"\n  Hessian spectrum through analyzeRun: {len(torch_eigenvalues)} eigenvalues, largest |λ| {scale:.4g}, largest difference {worst:.3g}; loss {summary['loss']!r} vs {torch_loss!r}")
        finally:
            server.close()

    def test_a_cnn_with_batch_norm_and_pooling_has_pytorchs_loss_in_saddle(self) -> None:
        torch.manual_seed(2)
        model = nn.Sequential(
            nn.Conv2d(1, 4, 3, padding=1),
            nn.BatchNorm2d(4),
            nn.ReLU(),
            nn.MaxPool2d(2),
            nn.Conv2d(4, 6, 3),
            nn.Tanh(),
            nn.AvgPool2d(2, stride=1),
            nn.Flatten(),
            nn.Linear(24, 5),
            nn.Sigmoid(),
            nn.Linear(5, 3),
        )
        x = torch.randn(16, 1, 10, 10)
        labels = torch.randint(0, 3, (16,))
        # A few training steps, so batch norm's running statistics are not their initial 0 / 1.
        optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
        for _ in range(3):
            optimizer.zero_grad()
            nn.functional.cross_entropy(model(x), labels).backward()
            optimizer.step()
        model.eval()
        with torch.no_grad():
            torch_loss = float(nn.functional.cross_entropy(float64_copy(model)(x.double()), labels))
        converted = convert_module(model, input_shape=(1, 10, 10))
        self.assertEqual(converted.document["inputShape"], [10, 10, 1])
        self.assertEqual(converted.document["numBuffers"], 8)
        got = saddle_numbers(converted.document, converted.weights_bytes(), x.permute(0, 2, 3, 1), labels.float(), "cross-entropy")
        self.assertAlmostEqual(got["loss"], torch_loss, delta=1e-5 * max(1.0, abs(torch_loss)))

    def test_what_saddle_cannot_express_is_refused_naming_the_layer(self) -> None:
        with self.assertRaisesRegex(ValueError, r"layer 1 \(GELU\) is not supported"):
            convert_module(nn.Sequential(nn.Linear(2, 2), nn.GELU()))
        with self.assertRaisesRegex(ValueError, r"pass input_shape=\(C, H, W\)"):
            convert_module(nn.Sequential(nn.Conv2d(1, 2, 3), nn.Flatten(), nn.Linear(2, 1)))
        with self.assertRaisesRegex(ValueError, r"padding=\(2, 2\) with kernel 3"):
            convert_module(nn.Sequential(nn.Conv2d(1, 2, 3, padding=2)), input_shape=(1, 8, 8))
        with self.assertRaisesRegex(ValueError, "put an nn.Flatten"):
            convert_module(nn.Sequential(nn.Conv2d(1, 2, 3), nn.Linear(6, 1)), input_shape=(1, 8, 8))


class SaveModelUploadTest(unittest.TestCase):
    def test_save_model_uploads_weights_saddle_reads_back_with_pytorchs_loss(self) -> None:
        server = SaddleServer().start()
        try:
            model = mlp()
            x, y = regression_data()
            with saddle.init(url=server.url, spool_dir=tempfile.mkdtemp(), project="torch", name="mlp", batch_ms=50) as run:
                run.log({"train/loss": float(nn.functional.mse_loss(model(x), y))})
                document = run.save_model(model)
            self.assertEqual(run.errors, [])
            artifacts = {a["name"]: a for a in server.wait_for_status(run.id, "SUCCEEDED")["artifacts"]}
            self.assertEqual((artifacts["weights"]["kind"], artifacts["weights"]["thetaLength"], artifacts["weights"]["stateLength"]), ("WEIGHTS", 97, 0))
            api = saddle.Api(url=server.url)
            self.assertEqual(json.loads(api.download(run, "model.json")), document)
            weights = api.download(run, "weights")
            with torch.no_grad():
                torch_loss = float(nn.functional.mse_loss(float64_copy(model)(x.double()), y.double()))
            got = saddle_numbers(document, weights, x, y, "mse")
            self.assertAlmostEqual(got["loss"], torch_loss, delta=1e-6 * max(1.0, torch_loss))
        finally:
            server.close()


if __name__ == "__main__":
    unittest.main()
