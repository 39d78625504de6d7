"""``python -m tests.fake_feature.run_cli ARGS``: the real command line, fake feature added."""

import sys

from dangqun import cli, features
from tests.fake_feature.feature import FEATURE

if __name__ == "__main__":
    with features.feature_added(FEATURE):
        sys.exit(cli.main(sys.argv[1:]))
