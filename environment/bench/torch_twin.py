"""PyTorch twin of `emoaug bench compare`: the project's two reference networks, built layer for layer as
lib/.../model/ModelFactory builds them in DL4J, trained on the same kind of seeded random data with the same
batch size, sample count, epochs and thread count, so that one machine gives both throughputs in one session.

Networks (input NCW; ReLU or ELU as `act`; softmax folded into the cross-entropy loss):
  A  42 x 108 -> Conv1d 64 k5 same -> BN -> act -> MaxPool 2 -> Conv1d 128 k5 same -> BN -> act -> MaxPool 2
     -> Dropout 0.3 -> LSTM 128 (last step) -> Linear 64 -> act -> Dropout 0.3 -> Linear 8
  B  1 x 2376 -> [Conv1d 256 k5 same -> BN -> act -> MaxPool 5/2] x2 -> Conv1d 128 k5 same -> act -> MaxPool 5/2
     -> Dropout 0.3 -> LSTM 64 (last step) -> Linear 32 -> act -> Linear 8
  strong-cnn-pool  64 x 301 (log-mel frames) -> Conv1d 128 k5 same -> BN -> act -> MaxPool 2 -> Conv1d 128 k3 same
     -> BN -> act -> MaxPool 2 -> Conv1d 128 k3 same -> BN -> act -> Dropout 0.3 -> mean and max over time (256)
     -> Linear 64 -> act -> Dropout 0.3 -> Linear 8
  strong-cnn-bilstm  the same convolutions -> bidirectional LSTM 64 per direction over every step -> mean and max
     over time of its 128 outputs (256) -> Linear 64 -> act -> Dropout 0.3 -> Linear 8
  cnn2d-ref  the same 64 x 301 log-mel frames as a 1 x 64 x 301 image (the same memory) -> [Conv2d 3x3 padding 1
     -> BatchNorm2d -> act -> MaxPool2d 2 (floor)] with 16, 32, 64, 64 channels (64 x 301 -> 32 x 150 -> 16 x 75
     -> 8 x 37 -> 4 x 18) -> mean over the 4 rows -> mean and max over the 18 steps (128) -> Linear 64 -> act
     -> Dropout 0.3 -> Linear 8 (69,352 trainable parameters, as DL4J's cnn2d-ref: Cnn2dRefTest)
DL4J's LSTM has one bias per gate, PyTorch two: the recurrent bias is zeroed and frozen so that both count the
same trainable parameters (A: 195,336). Adam, learning rate 1e-3.

Usage: python3 torch_twin.py model=A|B|strong-cnn-pool|strong-cnn-bilstm|cnn2d-ref act=relu n=2048 batch=32 epochs=3 threads=1 seed=42
Prints `RESULT train_sps_median=...` and `RESULT infer_sps_median=...`: the first epoch is a warm-up; the
median samples per second of the others is reported; inference repeats the pass 3 times after a warm-up.
"""
import sys
import time

import torch
from torch import nn

opts = dict(arg.split("=", 1) for arg in sys.argv[1:])
MODEL = opts.get("model", "A")
ACT = opts.get("act", "relu")
N = int(opts.get("n", 2048))
BATCH = int(opts.get("batch", 32))
EPOCHS = int(opts.get("epochs", 3))
THREADS = int(opts.get("threads", 1))
SEED = int(opts.get("seed", 42))
CLASSES = 8
torch.set_num_threads(THREADS)


def act():
    return nn.ELU() if ACT == "elu" else nn.ReLU()


class LastStep(nn.Module):
    def __init__(self, n_in, units):
        super().__init__()
        self.lstm = nn.LSTM(n_in, units, batch_first=True)
        with torch.no_grad():
            self.lstm.bias_hh_l0.zero_()
        self.lstm.bias_hh_l0.requires_grad_(False)

    def forward(self, x):                      # x: [batch, channels, time]
        out, _ = self.lstm(x.transpose(1, 2))
        return out[:, -1]


class Sequence(nn.Module):
    """A (bidirectional) LSTM over every step: [batch, channels, time] -> [batch, outputs, time]."""
    def __init__(self, n_in, units, bidirectional):
        super().__init__()
        self.lstm = nn.LSTM(n_in, units, batch_first=True, bidirectional=bidirectional)
        for name, p in self.lstm.named_parameters():
            if name.startswith("bias_hh"):
                with torch.no_grad():
                    p.zero_()
                p.requires_grad_(False)

    def forward(self, x):
        out, _ = self.lstm(x.transpose(1, 2))
        return out.transpose(1, 2)


class MeanMax(nn.Module):
    def forward(self, x):                      # x: [batch, channels, time]
        return torch.cat([x.mean(2), x.amax(2)], 1)


def strong(recurrent):
    layers = [nn.Conv1d(64, 128, 5, padding=2), nn.BatchNorm1d(128), act(), nn.MaxPool1d(2),
              nn.Conv1d(128, 128, 3, padding=1), nn.BatchNorm1d(128), act(), nn.MaxPool1d(2),
              nn.Conv1d(128, 128, 3, padding=1), nn.BatchNorm1d(128), act(), nn.Dropout(0.3)]
    if recurrent:
        layers.append(Sequence(128, 64, True))
    layers += [MeanMax(), nn.Linear(256, 64), act(), nn.Dropout(0.3), nn.Linear(64, CLASSES)]
    return nn.Sequential(*layers), (64, 301)


class Image(nn.Module):
    def forward(self, x):                      # x: [batch, rows, time] -> [batch, 1, rows, time], the same memory
        return x.unsqueeze(1)


class RowMean(nn.Module):
    def forward(self, x):                      # x: [batch, channels, rows, time] -> [batch, channels, time]
        return x.mean(2)


def cnn2d_ref():
    layers = [Image()]
    c = 1
    for f in (16, 32, 64, 64):
        layers += [nn.Conv2d(c, f, 3, padding=1), nn.BatchNorm2d(f), act(), nn.MaxPool2d(2)]
        c = f
    layers += [RowMean(), MeanMax(), nn.Linear(128, 64), act(), nn.Dropout(0.3), nn.Linear(64, CLASSES)]
    return nn.Sequential(*layers), (64, 301)


def network():
    if MODEL in ("strong-cnn-pool", "strong-cnn-bilstm"):
        return strong(MODEL == "strong-cnn-bilstm")
    if MODEL == "cnn2d-ref":
        return cnn2d_ref()
    if MODEL == "A":
        return nn.Sequential(
            nn.Conv1d(42, 64, 5, padding=2), nn.BatchNorm1d(64), act(), nn.MaxPool1d(2),
            nn.Conv1d(64, 128, 5, padding=2), nn.BatchNorm1d(128), act(), nn.MaxPool1d(2), nn.Dropout(0.3),
            LastStep(128, 128), nn.Linear(128, 64), act(), nn.Dropout(0.3), nn.Linear(64, CLASSES)), (42, 108)
    return nn.Sequential(
        nn.Conv1d(1, 256, 5, padding=2), nn.BatchNorm1d(256), act(), nn.MaxPool1d(5, 2, padding=2),
        nn.Conv1d(256, 256, 5, padding=2), nn.BatchNorm1d(256), act(), nn.MaxPool1d(5, 2, padding=2),
        nn.Conv1d(256, 128, 5, padding=2), act(), nn.MaxPool1d(5, 2, padding=2), nn.Dropout(0.3),
        LastStep(128, 64), nn.Linear(64, 32), act(), nn.Linear(32, CLASSES)), (1, 2376)


def median(values):
    s = sorted(values)
    m = len(s)
    return s[m // 2] if m % 2 else (s[m // 2 - 1] + s[m // 2]) / 2


def main():
    torch.manual_seed(SEED)
    net, (channels, length) = network()
    trainable = sum(p.numel() for p in net.parameters() if p.requires_grad)
    blas = [w for w in torch.__config__.show().replace(",", " ").split() if w.startswith("BLAS_INFO=")]
    print(f"torch {torch.__version__} threads={torch.get_num_threads()} {blas[0] if blas else 'BLAS_INFO=?'}"
          f" mkldnn={torch.backends.mkldnn.is_available()} model={MODEL} act={ACT} trainable_params={trainable}")
    g = torch.Generator().manual_seed(SEED)
    batches = []
    for start in range(0, N, BATCH):
        mb = min(BATCH, N - start)
        batches.append((torch.randn(mb, channels, length, generator=g), torch.randint(0, CLASSES, (mb,), generator=g)))
    opt = torch.optim.Adam([p for p in net.parameters() if p.requires_grad], lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()
    rates = []
    net.train()
    for epoch in range(EPOCHS):
        t0 = time.perf_counter()
        for x, y in batches:
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(net(x), y)
            loss.backward()
            opt.step()
        sec = time.perf_counter() - t0
        if epoch > 0:
            rates.append(N / sec)
        print(f"  epoch {epoch}{' (warm-up)' if epoch == 0 else ''}: {sec:.2f} s, {N / sec:.1f} samples/s, loss {loss.item():.4f}")
    print(f"RESULT train_sps_median={median(rates):.1f}")
    net.eval()
    infer = []
    with torch.inference_mode():
        for rep in range(4):
            t0 = time.perf_counter()
            for x, _ in batches:
                net(x)
            if rep > 0:
                infer.append(N / (time.perf_counter() - t0))
    print(f"RESULT infer_sps_median={median(infer):.1f}")


main()
