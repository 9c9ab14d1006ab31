package bot

// Forget removes what the running bot recorded of the paper source (who
// may see it, its Slack link), from memory and from its packs folder,
// after another command took the paper out of the index while the bot
// runs. Without it the bot would go on treating a paper of that name,
// added again later, as the old one.
func (b *Bot) Forget(id, name string) error {
	return b.access.forget(paperRef{ID: id, Name: name})
}
