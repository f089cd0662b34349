"""Fictional CV sources and their truth: years per skill, experience, backend years (inclusive months)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

AS_OF = (2026, 11)
SKILLS = ("go", "kafka", "mysql", "redis", "docker", "php", "laravel", "rust")
LABELS = {"go": "Go", "kafka": "Kafka", "mysql": "MySQL", "redis": "Redis", "docker": "Docker", "php": "PHP",
          "laravel": "Laravel", "rust": "Rust"}
OTHER_SKILLS = ("Python", "PostgreSQL", "AWS", "Kubernetes", "TypeScript", "gRPC", "Terraform", "Java", "React")
# the posting's minimums (rules/requirements.yaml): backend ≥ 5, go ≥ 2, kafka ≥ 1, mysql ≥ 3, redis ≥ 1
MINIMUMS = {"backend": 5.0, "go": 2.0, "kafka": 1.0, "mysql": 3.0, "redis": 1.0}

_FIRST = ("Ilona", "Tarek", "Mireille", "Koa", "Bogdan", "Sunniva", "Ade", "Ysolde", "Rafferty", "Noor", "Leif",
          "Chiara", "Ozan", "Priya", "Matteo", "Saoirse", "Dmitri", "Linnea", "Kenji", "Anouk", "Tomasz", "Farah")
_LAST = ("Varga", "Haddad", "Okonkwo", "Lindqvist", "Petrenko", "Castellanos", "Ferreira", "Nakamura", "Brennan",
         "Moreau", "Kowalczyk", "Aydın", "Halvorsen", "Rossi", "Van Dijk", "Santoso", "Whitfield", "Abara")
_SYLLABLES = ("tor", "vel", "mar", "quin", "lux", "bri", "dan", "sol", "ka", "ren", "ost", "fal", "gren", "zu",
              "pol", "ix", "nor", "cal", "ves", "tam")
_SUFFIX = ("Labs", "Systems", "Payments", "Logistics", "Health", "Software", "Analytics", "Digital", "Group",
           "Technologies", "Exchange", "Cloud", "GmbH", "Ltd", "S.A.", "AB", "Inc.")
_CITIES = ("Lisbon", "Tallinn", "Leeds", "Porto", "Kraków", "Gothenburg", "Lyon", "Bilbao", "Remote", "Utrecht",
           "Cluj-Napoca", "Izmir", "Bandung", "Bergen", "Aarhus")
BACKEND_TITLES = ("Backend Engineer", "Senior Backend Engineer", "Software Engineer", "Go Developer",
                  "Senior Software Engineer", "Backend Developer", "Staff Software Engineer", "PHP Developer",
                  "Full-Stack Developer", "Lead Backend Engineer")
OTHER_TITLES = ("Frontend Developer", "QA Engineer", "Site Reliability Engineer", "Data Analyst",
                "Support Engineer", "UX Designer")
# sentences that name skills; {a} and {b} are skill labels
_WORK = ("Built the {a} services behind the order book, with {b} for the event stream.",
         "Moved the billing jobs to {a} and {b}, cutting the nightly run from hours to minutes.",
         "Owned the {a} ingestion pipeline and its {b} consumers.",
         "Designed the settlement API in {a}; state kept in {b}.",
         "Ran {a} and {b} in production for the payments team.",
         "Wrote the reconciliation workers ({a}, {b}) and their alerting.")
_WORK_ONE = ("Maintained the {a} codebase for the partner portal.", "Brought {a} into the team's services.",
             "Tuned {a} for the checkout path.")
_PLAIN = ("Mentored two junior engineers and ran the on-call rota.", "Led the go-to-market launch with sales.",
          "Wrote design documents and reviewed pull requests.", "Worked with product on quarterly planning.")


@dataclass(frozen=True)
class Job:
    title: str
    organisation: str
    city: str
    start: tuple[int, int]  # (year, month)
    end: tuple[int, int] | None  # None: still there ('Present')
    skills: tuple[str, ...]  # skill ids named in the job's own text
    others: tuple[str, ...]  # other technologies named
    backend: bool
    sentences: tuple[str, ...]  # name the skills and the other technologies
    plain: tuple[str, ...]  # name no technology (used when a 'Stack:' line lists them instead)

    def months(self) -> set[int]:
        end = self.end or AS_OF
        return set(range(_index(self.start), _index(end) + 1))


@dataclass(frozen=True)
class Activity:
    """A dated entry of a non-job section (a club, a project, volunteering): never experience."""

    kind: str  # 'projects', 'volunteering', 'activities'
    text: str
    start: tuple[int, int]


@dataclass(frozen=True)
class Source:
    name: str
    jobs: tuple[Job, ...]  # newest first
    listed: tuple[str, ...]  # skills in the skills list (may name one no job uses: mentioned only)
    degree: tuple[str, str, int, int]  # degree, school, start year, end year
    activities: tuple[Activity, ...] = field(default=())

    def truth(self) -> dict[str, object]:
        """The values a screener should report, from the source alone (never from a layout)."""
        skills = {}
        for s in SKILLS:
            months = set().union(*(j.months() for j in self.jobs if s in j.skills))
            skills[s] = {"years": round(len(months) / 12, 2), "mentioned": bool(months) or s in self.listed}
        experience = round(len(set().union(*(j.months() for j in self.jobs))) / 12, 2)
        backend = round(len(set().union(*(j.months() for j in self.jobs if j.backend))) / 12, 2)
        values = {"backend": backend, **{s: skills[s]["years"] for s in MINIMUMS if s != "backend"}}
        meets = all(values[k] >= v for k, v in MINIMUMS.items()) and skills["docker"]["mentioned"]
        near = any(abs(values[k] - v) < 0.35 for k, v in MINIMUMS.items())  # too close to call
        periods = sorted(f"{_label(j.start)}..{_label(j.end or AS_OF)}" for j in self.jobs)
        return {"experience_years": experience, "backend_years": backend, "skills": skills,
                "meets_minimums": meets, "verdict_scored": not near, "periods": periods}


def _label(ym: tuple[int, int]) -> str:
    return f"{ym[0]:04d}-{ym[1]:02d}"


def _index(ym: tuple[int, int]) -> int:
    return ym[0] * 12 + ym[1] - 1


def _from_index(i: int) -> tuple[int, int]:
    return i // 12, i % 12 + 1


def company(rng: random.Random) -> str:
    word = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
    return f"{word} {rng.choice(_SUFFIX)}"


def draw_source(rng: random.Random) -> Source:
    """A person with 2–5 jobs, newest first, back to back or with gaps (now and then overlapping)."""
    n = rng.randint(2, 5)
    cursor = _index(AS_OF) - (0 if rng.random() < 0.6 else rng.randint(2, 14))
    jobs: list[Job] = []
    for k in range(n):
        length = rng.randint(7, 48)
        end_i = cursor
        start_i = end_i - length + 1
        backend = rng.random() < 0.8
        title = rng.choice(BACKEND_TITLES if backend else OTHER_TITLES)
        pool = list(SKILLS[:5]) + (["php", "laravel"] if rng.random() < 0.3 else []) + (
            ["rust"] if rng.random() < 0.15 else [])
        chosen = set(rng.sample(pool, rng.randint(1, min(4, len(pool)))))
        chosen |= {s for s in ("go", "php") if LABELS[s] in title.split()}  # 'Go Developer' names Go
        skills = tuple(sorted(chosen, key=SKILLS.index))
        others = tuple(rng.sample(OTHER_SKILLS, rng.randint(0, 2)))
        jobs.append(Job(title, company(rng), rng.choice(_CITIES), _from_index(start_i),
                        None if k == 0 and end_i == _index(AS_OF) else _from_index(end_i), skills, others,
                        backend, _sentences(rng, skills, others), tuple(rng.sample(_PLAIN, 2))))
        if rng.random() < 0.15 and k + 1 < n:  # promoted: the next (older) role is at the same organisation
            jobs.append(_promoted_from(rng, jobs[-1], start_i - 1))
            start_i = _index(jobs[-1].start)
        gap = rng.choice((1, 1, 1, 2, 4, 0)) if rng.random() < 0.9 else -rng.randint(1, 3)  # -: overlap
        cursor = start_i - gap
        if cursor < _index((2004, 1)):
            break
    used = {s for j in jobs for s in j.skills}
    listed = tuple(s for s in SKILLS if s in used or rng.random() < 0.15)
    first_job = min(_index(j.start) for j in jobs) // 12
    degree = (rng.choice(("BSc Computer Science", "MSc Software Engineering", "BEng Informatics")),
              f"University of {rng.choice(_CITIES[:8])}", first_job - 4, first_job)
    activities = tuple(Activity(kind, text, _from_index(_index(AS_OF) - rng.randint(12, 80)))
                       for kind, text in rng.sample(_ACTIVITIES, rng.randint(0, 2)))
    return Source(f"{rng.choice(_FIRST)} {rng.choice(_LAST)}", tuple(jobs), listed, degree, activities)


def _promoted_from(rng: random.Random, later: Job, end_i: int) -> Job:
    """The role held at the same organisation before ``later`` (LinkedIn groups such roles)."""
    start_i = end_i - rng.randint(7, 30) + 1
    title = later.title.replace("Senior ", "").replace("Lead ", "").replace("Staff ", "")
    kept = set(later.skills[: max(1, len(later.skills) - 1)])
    kept |= {s for s in ("go", "php") if LABELS[s] in title.split()}
    skills = tuple(sorted(kept, key=SKILLS.index))
    return Job(title, later.organisation, later.city, _from_index(start_i), _from_index(end_i), skills, (),
               later.backend, _sentences(rng, skills, ()), tuple(rng.sample(_PLAIN, 2)))


_ACTIVITIES = (("volunteering", "Mentor, Code Club"), ("activities", "Member, Chess Club"),
               ("projects", "Maintainer, open-source rate limiter"), ("activities", "Organiser, local meetup"),
               ("volunteering", "Treasurer, Food Bank association"))


def _sentences(rng: random.Random, skills: tuple[str, ...], others: tuple[str, ...]) -> tuple[str, ...]:
    """Bullets that name exactly ``skills`` (plus other technologies) and nothing else of the posting."""
    names = [LABELS[s] for s in skills] + list(others)
    rng.shuffle(names)
    out = []
    while names:
        if len(names) >= 2:
            out.append(rng.choice(_WORK).format(a=names.pop(), b=names.pop()))
        else:
            out.append(rng.choice(_WORK_ONE).format(a=names.pop()))
    out.append(rng.choice(_PLAIN))
    rng.shuffle(out)
    return tuple(out)
