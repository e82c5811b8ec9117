"""The site's permanent ids that several tests check: principles, Roadmap building blocks, life-cycle stages."""

#: The 5 core principles, each followed by its instrumental principles (issue 5; ids are permanent).
PRINCIPLES = {
    "lawfulness": ["legitimacy", "necessity", "proportionality"],
    "minimization-of-harm": ["human-and-environmental-well-being", "robustness-and-safety", "accuracy", "efficiency"],
    "human-autonomy": ["privacy", "human-control-and-oversight", "human-agency", "transparency-and-explainability"],
    "fairness": [
        "equality-and-non-discrimination",
        "diversity-and-accessibility",
        "protection-of-vulnerable-groups",
        "contestability-and-redress",
    ],
    "good-governance": ["accountability", "traceability-and-auditability"],
}
#: This edition's Roadmap building blocks; the readiness assessment uses them as area ids.
BUILDING_BLOCKS = [
    "leadership-and-strategy",
    "governance-and-accountability",
    "legal-and-policy-framework",
    "people-skills-and-culture",
    "data-management-and-protection",
    "technology-and-infrastructure",
    "procurement-and-partnerships",
    "risk-management-and-oversight",
    "public-engagement-and-transparency",
]
#: This edition's six life-cycle stages, in order (docs/life-cycle.md); the names live in risk.yaml's
#: ``stages`` scale, the one definition every page is checked against.
LIFE_CYCLE_STAGES = ["decide", "design-or-procure", "test", "deploy", "use-and-monitor", "review-or-retire"]
