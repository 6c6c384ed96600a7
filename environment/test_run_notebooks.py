#!/usr/bin/env python3
"""Unit tests of run_notebooks.py that need no Jupyter and no kernel: where --fresh puts an earlier results folder,
what it refuses, and how the job counts the runs it trained and read back. Run with
`python3 -m unittest discover -s environment -p 'test_*.py'` (RunNotebooksPyIT does, under mvn verify)."""
import contextlib, io, os, sys, tempfile, unittest
from types import SimpleNamespace
from unittest import mock

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run_notebooks as rn  # noqa: E402


def event(outcome, run, spec="a" * 64):
    return f"{outcome}\t{run}\t{spec}\t2026-12-02T08:00:00Z\t123@host\n"


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


class ProjectTestCase(unittest.TestCase):
    """A scratch project root with committed results/runs, a library jar and one notebook; ROOT points there."""

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.root = os.path.realpath(self.tmp.name)
        write(os.path.join(self.root, "results", "runs", "exp", "fold-1-seed1", "record.properties"), "spec_sha256=aa\n")
        write(os.path.join(self.root, "lib", "target", "jars", "emoaugnet-lib-0.jar"), "")
        write(os.path.join(self.root, "notebooks", "01-x.ipynb"), "{}")
        patch = mock.patch.object(rn, "ROOT", self.root)
        patch.start()
        self.addCleanup(patch.stop)
        self.addCleanup(self.tmp.cleanup)
        cwd = os.getcwd()
        os.chdir(self.root)
        self.addCleanup(os.chdir, cwd)

    def args(self, **kw):
        a = dict(fresh=False, update_committed=False, no_train=False, output_dir=None, results=None)
        a.update(kw)
        return SimpleNamespace(**a)

    def main(self, argv, run_one):
        """run_notebooks.main() with these arguments and a stand-in for executing one notebook; (exit code, log)."""
        err = io.StringIO()
        with mock.patch.object(sys, "argv", ["run_notebooks.py"] + argv), mock.patch.object(rn, "run_one", run_one), \
                mock.patch.dict(os.environ, {}, clear=False), contextlib.redirect_stderr(err):
            try:
                rn.main()
                code = 0
            except SystemExit as e:
                code = e.code if isinstance(e.code, int) else 1
                if not isinstance(e.code, int):
                    err.write(str(e.code))
        return code, err.getvalue()


class FreshTest(ProjectTestCase):
    def test_default_results_are_seeded_with_the_committed_runs(self):
        a = self.args()
        rn.prepare_results(a)
        self.assertEqual(os.path.join(self.root, "build", "main", "results"), a.results)
        self.assertTrue(os.path.isfile(os.path.join(a.results, "runs", "exp", "fold-1-seed1", "record.properties")))

    def test_fresh_moves_an_earlier_results_folder_aside_whole_and_seeds_nothing(self):
        rn.prepare_results(self.args())   # an earlier main job: seeded runs and a table
        earlier = os.path.join(self.root, "build", "main", "results")
        write(os.path.join(earlier, "runs", "exp", "fold-2-seed1", "record.properties"), "spec_sha256=bb\n")
        write(os.path.join(earlier, "synthetic", "04-table.csv"), "a\n1\n")
        a = self.args(fresh=True)
        rn.prepare_results(a)
        self.assertEqual(earlier, a.results)
        self.assertFalse(os.path.exists(earlier), "nothing of the earlier job is left to read back")
        asides = [d for d in os.listdir(os.path.join(self.root, "build", "main")) if d.startswith("results.before-fresh-")]
        self.assertEqual(1, len(asides), asides)
        kept = os.path.join(self.root, "build", "main", asides[0])
        self.assertTrue(os.path.isfile(os.path.join(kept, "runs", "exp", "fold-2-seed1", "record.properties")), "moved, not deleted")
        self.assertTrue(os.path.isfile(os.path.join(kept, "synthetic", "04-table.csv")))
        self.assertTrue(os.path.isfile(os.path.join(self.root, "results", "runs", "exp", "fold-1-seed1", "record.properties")),
                        "the committed runs are untouched")
        # a second --fresh moves the first one's folder aside too, under another name
        write(os.path.join(earlier, "runs", "exp", "fold-1-seed1", "record.properties"), "spec_sha256=cc\n")
        rn.prepare_results(self.args(fresh=True))
        self.assertFalse(os.path.exists(earlier))
        self.assertEqual(2, len([d for d in os.listdir(os.path.join(self.root, "build", "main")) if d.startswith("results.before-fresh-")]))

    def test_fresh_with_no_earlier_folder_moves_nothing(self):
        self.assertIsNone(rn.set_aside(os.path.join(self.root, "build", "main", "results")))
        os.makedirs(os.path.join(self.root, "build", "main", "results"))
        self.assertIsNone(rn.set_aside(os.path.join(self.root, "build", "main", "results")), "an empty folder stays")

    def test_fresh_never_moves_the_committed_results(self):
        for results in (os.path.join(self.root, "results"), self.root, os.path.join(self.root, "results", "runs")):
            with self.assertRaises(SystemExit) as e:
                rn.set_aside(results)
            self.assertIn("committed", str(e.exception.code))
        with self.assertRaises(SystemExit):
            rn.prepare_results(self.args(fresh=True, update_committed=True))
        with self.assertRaises(SystemExit):
            rn.prepare_results(self.args(fresh=True, no_train=True))
        self.assertTrue(os.path.isfile(os.path.join(self.root, "results", "runs", "exp", "fold-1-seed1", "record.properties")))

    def test_fresh_applies_to_a_named_results_folder(self):
        other = os.path.join(self.root, "elsewhere", "res")
        write(os.path.join(other, "runs", "e", "r", "record.properties"), "x\n")
        a = self.args(fresh=True, results=other)
        rn.prepare_results(a)
        self.assertFalse(os.path.exists(other))
        self.assertTrue(any(d.startswith("res.before-fresh-") for d in os.listdir(os.path.join(self.root, "elsewhere"))))


class CountTest(ProjectTestCase):
    def test_distinct_runs_are_counted_and_a_run_trained_in_this_job_is_not_read_back(self):
        events = os.path.join(self.root, "events.tsv")
        write(events, event("read-back", "a/r1") + event("read-back", "a/r1") + event("trained", "a/r2")
              + event("read-back", "a/r2") + event("read-back", "b/r3") + event("trained", "b/r3"))
        self.assertEqual((2, 1), rn.count_runs(events))
        self.assertEqual((0, 0), rn.count_runs(os.path.join(self.root, "absent.tsv")))

    def test_a_line_that_is_not_an_event_names_the_file_and_line(self):
        events = os.path.join(self.root, "events.tsv")
        write(events, event("trained", "a/r1") + "reused\ta/r2\tx\tt\tp\n")
        with self.assertRaises(ValueError) as e:
            rn.count_runs(events)
        self.assertIn(f"{events}, line 2", str(e.exception))
        write(events, event("trained", "a/r1") + "trained\ta/r2\t")   # a kernel killed mid-line
        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            self.assertFalse(rn.report_runs(events, fresh=False))
        self.assertIn("FAILED: cannot tell which runs were trained", err.getvalue())
        self.assertIn("line 2", err.getvalue())


class MainTest(ProjectTestCase):
    """main() end to end with a stand-in kernel that appends run events as the Java runner does."""

    @staticmethod
    def runner(outcomes):
        def run_one(path, out, a):
            with open(os.environ["EMOAUG_RUN_EVENTS"], "a", encoding="utf-8") as f:
                for o, run in outcomes(a):
                    f.write(event(o, run))
            return True
        return run_one

    def test_the_job_says_how_many_runs_it_trained_and_read_back(self):
        seeded = lambda a: [("read-back", "exp/fold-1-seed1"), ("trained", "exp/fold-2-seed1")]
        code, err = self.main(["01"], self.runner(seeded))
        self.assertEqual(0, code, err)
        self.assertIn("runs: 1 trained, 1 read back", err)
        events = [l for l in err.splitlines() if "run-events-" in l]
        self.assertTrue(events, err)

    def test_fresh_fails_when_a_run_is_read_back_all_the_same(self):
        def outcomes(a):   # what the runner does: a run is read back only if its folder exists in the results folder
            done = os.path.isdir(os.path.join(a.results, "runs", "exp", "fold-1-seed1"))
            return [("read-back" if done else "trained", "exp/fold-1-seed1")]
        code, err = self.main(["01"], self.runner(outcomes))
        self.assertEqual(0, code, err)
        self.assertIn("runs: 0 trained, 1 read back", err, "the default job reuses the seeded committed run")
        code, err = self.main(["--fresh", "01"], self.runner(outcomes))
        self.assertEqual(0, code, err)
        self.assertIn("runs: 1 trained, 0 read back", err, "--fresh after an earlier job trains every run")
        code, err = self.main(["--fresh", "01"], self.runner(lambda a: [("read-back", "exp/fold-1-seed1")]))
        self.assertEqual(1, code, err)
        self.assertIn("--fresh should have trained every run, but 1 were read back", err)


class UpdateCommittedTest(ProjectTestCase):
    """--update-committed publishes all or nothing: outputs are staged and moved in only when every notebook ran; runs
    trained meanwhile are kept either way."""

    def setUp(self):
        super().setUp()
        write(os.path.join(self.root, "results", "table.csv"), "a\n1\n")
        write(os.path.join(self.root, "notebooks", "02-y.ipynb"), "{}")

    def runner(self, fail_on=None):
        def run_one(path, out, a):
            name = os.path.basename(path)
            write(out, '{"executed": "' + name + '"}')
            write(os.path.join(a.results, "table.csv"), "a\n2\n")
            write(os.path.join(a.results, "runs", "exp", "fold-2-seed1", "record.properties"), "spec_sha256=bb\n")
            with open(os.environ["EMOAUG_RUN_EVENTS"], "a", encoding="utf-8") as f:
                f.write(event("trained", "exp/fold-2-seed1"))
            return name != fail_on
        return run_one

    def read(self, *parts):
        with open(os.path.join(self.root, *parts), encoding="utf-8") as f:
            return f.read()

    def test_a_failing_notebook_publishes_nothing_but_keeps_its_runs(self):
        code, err = self.main(["--update-committed", "01", "02"], self.runner(fail_on="02-y.ipynb"))
        self.assertEqual(1, code, err)
        self.assertIn("nothing published", err)
        self.assertEqual("a\n1\n", self.read("results", "table.csv"))
        self.assertEqual("{}", self.read("notebooks", "01-x.ipynb"), "even the notebook that ran is not published")
        self.assertEqual("spec_sha256=bb\n", self.read("results", "runs", "exp", "fold-2-seed1", "record.properties"), "the trained run is kept")

    def test_every_notebook_ran_so_everything_is_published(self):
        code, err = self.main(["--update-committed", "01", "02"], self.runner())
        self.assertEqual(0, code, err)
        self.assertEqual("a\n2\n", self.read("results", "table.csv"))
        self.assertEqual('{"executed": "02-y.ipynb"}', self.read("notebooks", "02-y.ipynb"))
        self.assertEqual("spec_sha256=aa\n", self.read("results", "runs", "exp", "fold-1-seed1", "record.properties"))
        self.assertFalse(os.path.exists(os.path.join(self.root, *rn.STAGING)), "the staging folder is removed")

    def test_a_run_of_another_spec_replaces_the_committed_one_which_is_kept_aside(self):
        staged = os.path.join(self.root, "staged")
        write(os.path.join(staged, "exp", "fold-1-seed1", "record.properties"), "spec_sha256=cc\n")
        write(os.path.join(staged, "exp", "fold-1-seed1", "eval-clean", "record.properties"), "x\n")
        self.assertEqual(1, rn.keep_runs(staged, os.path.join(self.root, "results", "runs")))
        self.assertEqual("spec_sha256=cc\n", self.read("results", "runs", "exp", "fold-1-seed1", "record.properties"))
        self.assertTrue(os.path.isfile(os.path.join(self.root, "results", "runs", "exp", "fold-1-seed1", "eval-clean", "record.properties")))
        aside = os.listdir(os.path.join(self.root, "results", "runs", "exp", "superseded"))
        self.assertEqual(1, len(aside), aside)


if __name__ == "__main__":
    unittest.main()
