// Broken deliverable files shared by deliverables.validation.test.ts and validators.real.test.ts.

/** Broken variants, shared with validators.real.test.ts (which checks them against the real yamllint and jsonschema). */
export const BROKEN_FILES: Record<string, string> = {
  layout:
    '---\nteam: glance  \ntype: service\nreleases:\n    - version: 1.0.0\n      projects:\n      - repo: openstack/glance\n        hash: abc\nbranches:\n- name: stable/x\n  location: 1.0.0',
  schema:
    'team: glance\ntype: servicex\nfoo: 1\nreleases:\n  - version: 4.9\n    projects:\n      - repo: openstack/glance\n  - projects: []\nbranches:\n  - name: a\n    location: [1]\n\n\n',
  mixed: '---\nteam: glance\ntype: service\nrepository-settings:\n    openstack/glance: {}\ncycle-highlights:\n  - a\n  -  b\n\n\n\nrelease-notes: 3\n',
  types: '---\nteam: yes\ntype: library\ninclude-pypi-link: yes\nreleases:\n  - version: 1.0.0\n    projects:\n      - repo: openstack/glance_store\n        hash: 2024-01-01\n        extra: x\n',
  crlf: '---\r\nteam: glance\r\ntype: service\r\nreleases:\r\n  -  version: 1.0.0\r\n     projects: []\r\n',
};
