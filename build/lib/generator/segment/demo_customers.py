"""Generate the demo's dealer-system export: 85,000 customers matching seed 000's base.

32,000 visited within 3 months, 12,000 three to six months ago, 23,000 six to
twelve months ago (split by LTV 8,200 > 12,000元, 10,500 6,000–12,000元, 4,300
< 6,000元) and 18,000 over a year ago, as of 2024-04-05, the day of the seed's
regional meeting. Fixed seed, so the file is the same every time.

    python -m generator.segment.demo_customers inputs/demo-customers.csv
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

AS_OF = dt.date(2024, 4, 5)
BANDS = [  # (customers, months from, months to, ltv from, ltv to)
    (32_000, 0.0, 2.9, 3_000, 20_000),
    (12_000, 3.05, 5.9, 2_000, 18_000),
    (8_200, 6.05, 11.9, 12_001, 30_000),
    (10_500, 6.05, 11.9, 6_000, 12_000),
    (4_300, 6.05, 11.9, 800, 5_999),
    (18_000, 12.05, 36.0, 500, 15_000),
]
MODELS = ["新君威", "新君越", "GL8", "陆尊", "英朗", "凯越"]


def generate(path: Path, seed: int = 20240405, scale: int = 1) -> int:
    """Write the export; ``scale`` multiplies every band (the benchmark's million customers)."""
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(seed)
    parts = []
    for n, m0, m1, l0, l1 in BANDS:
        n *= scale
        months = rng.uniform(m0, m1, n)
        days = np.floor(months * 30.4375).astype(int)
        parts.append(
            pd.DataFrame(
                {
                    "last_visit": pd.Timestamp(AS_OF) - pd.to_timedelta(days, unit="D"),
                    "visits_12m": np.where(months < 12, rng.integers(1, 6, n), 0),
                    "spend_12m": np.where(months < 12, rng.integers(300, 9000, n), 0),
                    "ltv": rng.integers(l0, l1 + 1, n),
                    "vehicle_model": rng.choice(MODELS, n),
                    "vehicle_age": rng.integers(0, 9, n),
                }
            )
        )
    frame = pd.concat(parts, ignore_index=True).sample(frac=1, random_state=seed).reset_index(drop=True)
    frame.insert(0, "customer_id", [f"C{i:06d}" for i in range(1, len(frame) + 1)])
    frame["last_visit"] = frame["last_visit"].dt.strftime("%Y-%m-%d")
    frame.to_csv(path, index=False, encoding="utf-8")
    return len(frame)


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "inputs/demo-customers.csv")
    print(f"{target}: {generate(target):,} customers")
